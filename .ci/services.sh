#!/usr/bin/env bash
# Makes sure the machine's MariaDB, PostgreSQL and Redis answer (they are started before the
# session; this restarts one that stopped, with the machine's own start commands).
set -u
up() { timeout 2 bash -c "</dev/tcp/127.0.0.1/$1" 2>/dev/null; }
wait_for() { for _ in $(seq 1 30); do up "$1" && return 0; sleep 1; done; echo "service on port $1 is not answering"; return 1; }

up 5432 || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
up 3306 || start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
up 6379 || redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
  --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
wait_for 5432 && wait_for 3306 && wait_for 6379
