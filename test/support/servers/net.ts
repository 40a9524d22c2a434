/** Loopback ports and process helpers shared by the test server launchers. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { connect, createServer } from 'node:net';

/** True when nothing listens on host:port right now. */
function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => {
      resolve(false);
    });
    server.listen(port, host, () =>
      server.close(() => {
        resolve(true);
      }),
    );
  });
}

/** A port the kernel considers free on `host`. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/** `count` consecutive ports free on every host given (FTP passive ranges, proxy mirrors). */
export async function freePortRange(count: number, hosts: string[]): Promise<number[]> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = 30_000 + Math.floor(Math.random() * 25_000);
    const ports = Array.from({ length: count }, (_, index) => base + index);
    const checks = await Promise.all(
      ports.flatMap((port) => hosts.map((host) => isPortFree(port, host))),
    );
    if (checks.every(Boolean)) {
      return ports;
    }
  }
  throw new Error(`no ${String(count)} consecutive free ports found`);
}

/** Resolves once something accepts connections on host:port. */
export async function waitForPort(port: number, host: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, host, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => {
        resolve(false);
      });
    });
    if (open) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listens on ${host}:${String(port)} after ${String(ms)} ms`);
}

export interface Daemon {
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a foreground daemon whose output goes to `logPath`; `stop` ends it and waits. */
export function startDaemon(command: string, args: string[], logPath: string): Daemon {
  const log = createWriteStream(logPath);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  return {
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
