/**
 * The unprivileged account the loopback FTP and SSH servers log in. Tests run as root, and root
 * may neither log in to vsftpd (/etc/ftpusers) nor meet permission errors, so a dedicated user
 * makes "permission denied" real. Created once per machine; the password is reset every run.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync } from 'node:fs';

export interface TestUser {
  name: string;
  password: string;
  uid: number;
  gid: number;
  home: string;
}

const NAME = 'sp-delivery';
const PASSWORD = 'sp-Delivery-test-1';
const HOME = '/var/tmp/sp-delivery-home';

function run(command: string, args: string[], input?: string): { status: number; text: string } {
  const result = spawnSync(command, args, { input, encoding: 'utf8' });
  return { status: result.status ?? -1, text: `${result.stdout}${result.stderr}` };
}

function idOf(flag: '-u' | '-g'): number | undefined {
  const result = run('id', [flag, NAME]);
  return result.status === 0 ? Number(result.text.trim()) : undefined;
}

/** True when this process may create users and start servers (tests then run for real). */
export function canManageUsers(): boolean {
  return process.getuid?.() === 0;
}

export function ensureTestUser(): TestUser {
  if (idOf('-u') === undefined) {
    // A parallel test file may create it first: only a still-missing user is an error.
    const made = run('useradd', ['-M', '-d', HOME, '-s', '/bin/sh', NAME]);
    if (made.status !== 0 && idOf('-u') === undefined) {
      throw new Error(`useradd ${NAME} failed: ${made.text}`);
    }
  }
  const changed = run('chpasswd', [], `${NAME}:${PASSWORD}\n`);
  if (changed.status !== 0) {
    throw new Error(`chpasswd failed: ${changed.text}`);
  }
  const uid = idOf('-u') ?? -1;
  const gid = idOf('-g') ?? -1;
  mkdirSync(HOME, { recursive: true });
  chownSync(HOME, uid, gid);
  return { name: NAME, password: PASSWORD, uid, gid, home: HOME };
}
