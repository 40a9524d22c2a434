/**
 * OpenSSH sshd on a loopback port: temp config (`-f`), foreground with logs on stderr (`-D -e`),
 * a temp host key, password and public-key login for the test user, and the sftp subsystem.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startDaemon, waitForPort } from './net.js';
import { ensureTestUser, type TestUser } from './test-user.js';

export interface SshdServer {
  host: string;
  port: number;
  user: TestUser;
  /** The host key's `SHA256:<base64>` fingerprint, as `ssh-keygen -l` prints it. */
  hostKeyFingerprint: string;
  /** An unencrypted OpenSSH private key authorised for the user. */
  privateKey: string;
  /** The same kind of key, encrypted with `passphrase`. */
  encryptedKey: string;
  passphrase: string;
  /** Path of `privateKey` on disk, for OpenSSH's own `sftp -i`. */
  privateKeyPath: string;
  logPath: string;
  stop(): Promise<void>;
}

export function sshdPath(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v sshd || ls /usr/sbin/sshd'], {
    encoding: 'utf8',
  });
  const path = found.stdout.trim().split('\n')[0];
  return found.status === 0 && path !== undefined && path !== '' ? path : undefined;
}

function keygen(path: string, passphrase = ''): void {
  const made = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-f', path]);
  if (made.status !== 0) {
    throw new Error(`ssh-keygen failed: ${made.stderr.toString()}`);
  }
}

function fingerprintOf(publicKeyPath: string): string {
  const listed = spawnSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', publicKeyPath], {
    encoding: 'utf8',
  });
  const match = /SHA256:[A-Za-z0-9+/]+/.exec(listed.stdout);
  if (match === null) {
    throw new Error(`ssh-keygen -l gave no fingerprint: ${listed.stderr}`);
  }
  return match[0];
}

function config(dir: string, port: number, user: string): string {
  return [
    `Port ${String(port)}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${join(dir, 'host_ed25519')}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    'StrictModes no',
    'PasswordAuthentication yes',
    'PubkeyAuthentication yes',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'PermitRootLogin no',
    `AllowUsers ${user}`,
    'MaxStartups 100:30:200',
    'MaxSessions 50',
    'Subsystem sftp internal-sftp',
    'LogLevel VERBOSE',
    '',
  ].join('\n');
}

export async function startSshd(): Promise<SshdServer> {
  const binary = sshdPath();
  if (binary === undefined) {
    throw new Error('sshd is not installed');
  }
  const user = ensureTestUser();
  // sshd refuses to start without its privilege-separation directory.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const dir = mkdtempSync(join(tmpdir(), 'sp-sshd-'));
  // sshd reads authorized_keys as the logged-in user: the folder must let it through.
  chmodSync(dir, 0o755);
  keygen(join(dir, 'host_ed25519'));
  keygen(join(dir, 'user_key'));
  const passphrase = 'sp-key-passphrase';
  keygen(join(dir, 'user_key_enc'), passphrase);
  const publicKeys = ['user_key.pub', 'user_key_enc.pub'].map((name) =>
    readFileSync(join(dir, name), 'utf8'),
  );
  writeFileSync(join(dir, 'authorized_keys'), publicKeys.join(''), { mode: 0o644 });
  const port = await freePort();
  const confPath = join(dir, 'sshd_config');
  writeFileSync(confPath, config(dir, port, user.name));
  const logPath = join(dir, 'sshd.log');
  const daemon = startDaemon(binary, ['-D', '-e', '-f', confPath], logPath);
  await waitForPort(port, '127.0.0.1');
  return {
    host: '127.0.0.1',
    port,
    user,
    hostKeyFingerprint: fingerprintOf(join(dir, 'host_ed25519.pub')),
    privateKey: readFileSync(join(dir, 'user_key'), 'utf8'),
    encryptedKey: readFileSync(join(dir, 'user_key_enc'), 'utf8'),
    passphrase,
    privateKeyPath: join(dir, 'user_key'),
    logPath,
    stop: async () => {
      await daemon.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
