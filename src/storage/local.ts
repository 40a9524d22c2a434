/**
 * `LocalWorkspace`: the storage port on the local file system. Releases are staged in a hidden
 * directory beside their target (`.<name>.partial-<random>`), so publishing is one rename on the
 * same file system and readers never see half a release.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, stat, statfs } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { notFound, validationError } from '../shared/errors.js';
import { errnoOf, readError, releaseExists, writeError } from './errors.js';
import { FileSource } from './file-source.js';
import { LocalStaging } from './local-staging.js';
import { listTree } from './tree.js';
import type {
  ByteRange,
  ListedEntry,
  PathInfo,
  StageOptions,
  Staging,
  Workspace,
} from './ports.js';

export class LocalWorkspace implements Workspace {
  async stat(path: string): Promise<PathInfo | null> {
    try {
      const info = await stat(path);
      const kind = info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other';
      return { kind, size: info.size, mtime: info.mtime };
    } catch (error) {
      if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'ENOTDIR') {
        return null;
      }
      throw readError(error, path);
    }
  }

  openRead(path: string, range?: ByteRange): Readable {
    return new FileSource(path, range);
  }

  async list(dir: string): Promise<ListedEntry[]> {
    const info = await this.stat(dir);
    if (info?.kind !== 'directory') {
      throw notFound(`Directory "${dir}"`);
    }
    return listTree(dir);
  }

  async freeBytes(dir: string): Promise<number | null> {
    let current = resolve(dir);
    for (;;) {
      try {
        const info = await statfs(current);
        return info.bavail * info.bsize;
      } catch (error) {
        const parent = dirname(current);
        if (errnoOf(error) !== 'ENOENT' || parent === current) {
          return null;
        }
        current = parent;
      }
    }
  }

  async stage(parent: string, name: string, options: StageOptions): Promise<Staging> {
    assertComponent(name);
    const target = join(resolve(parent), name);
    if (!options.overwrite && (await this.stat(target)) !== null) {
      throw releaseExists(target);
    }
    const dir = join(resolve(parent), `.${name}.partial-${randomBytes(4).toString('hex')}`);
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw writeError(error, dir);
    }
    return new LocalStaging(dir, target, options.overwrite);
  }
}

/** A release name is one path component: no separators, no `.`/`..`, nothing absolute. */
function assertComponent(name: string): void {
  const bad =
    name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name) || isAbsolute(name);
  if (bad) {
    throw validationError([{ path: 'name', message: `"${name}" is not a directory name` }]);
  }
}
