import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDirUploader } from '../../../src/delivery/local/local-dir-uploader.js';
import { describeUploaderContract } from './uploader-contract.js';

async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/** Root ignores permission bits, so as root the folder is made immutable instead. */
function lock(dir: string): () => void {
  if (process.getuid?.() !== 0) {
    return () => undefined;
  }
  const done = spawnSync('chattr', ['+i', dir]);
  if (done.status !== 0) {
    throw new Error(`chattr +i failed: ${done.stderr.toString()}`);
  }
  return () => spawnSync('chattr', ['-i', dir]);
}

describeUploaderContract('LocalDirUploader', async () => {
  const base = await mkdtemp(join(tmpdir(), 'sp-local-up-'));
  const locked = join(base, 'locked');
  await mkdir(locked);
  await chmod(locked, 0o555);
  const unlock = lock(locked);
  return {
    uploader: () => new LocalDirUploader(),
    base: join(base, 'out'),
    read: readOrUndefined,
    readOnlyDir: locked,
    teardown: async () => {
      unlock();
      await rm(base, { recursive: true, force: true });
    },
  };
});
