/**
 * Folders on this machine that the loopback servers serve to the test user: one it owns (the
 * destination), one it may not write into, and, where the kernel allows, a tiny file system that
 * fills up (a real "disk full" / quota reply from the server).
 */
import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestUser } from './test-user.js';

export interface RemoteRoot {
  /** Writable by the test user. */
  writable: string;
  /** Owned by root, mode 0755: the test user may read but not write. */
  locked: string;
  remove(): void;
}

export function makeRemoteRoot(user: TestUser): RemoteRoot {
  const root = mkdtempSync(join(tmpdir(), 'sp-remote-'));
  spawnSync('chmod', ['0755', root]);
  const writable = join(root, 'site');
  const locked = join(root, 'locked');
  mkdirSync(writable);
  mkdirSync(locked, { mode: 0o755 });
  chownSync(writable, user.uid, user.gid);
  return {
    writable,
    locked,
    remove: () => {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface TinyDisk {
  path: string;
  unmount(): void;
}

/** A tmpfs of `bytes` owned by the user, or undefined when this machine may not mount. */
export function mountTinyDisk(parent: string, bytes: number, user: TestUser): TinyDisk | undefined {
  const path = join(parent, 'tiny-disk');
  mkdirSync(path, { recursive: true });
  const options = `size=${String(bytes)},uid=${String(user.uid)},gid=${String(user.gid)},mode=0755`;
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', path]);
  if (mounted.status !== 0) {
    return undefined;
  }
  return { path, unmount: () => spawnSync('umount', ['-l', path]) };
}
