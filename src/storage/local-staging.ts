/** A staging directory on the local file system (see `Staging` in ports.ts for the contract). */
import { lstat, mkdir, open, rename, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { validationError } from '../shared/errors.js';
import { errnoOf, releaseExists, writeError } from './errors.js';
import { openFileSink } from './file-sink.js';
import { FileSource } from './file-source.js';
import { listTree, moveAside, removeTree } from './tree.js';
import type { ByteRange, FileEdit, ListedEntry, Staging } from './ports.js';

export class LocalStaging implements Staging {
  readonly dir: string;
  readonly target: string;
  readonly #overwrite: boolean;
  #published = false;

  constructor(dir: string, target: string, overwrite: boolean) {
    this.dir = dir;
    this.target = target;
    this.#overwrite = overwrite;
  }

  pathOf(relativePath: string): string {
    const clean = normalize(relativePath.split('/').join(sep));
    if (relativePath === '' || clean.startsWith('..') || clean.startsWith(sep)) {
      const message = `"${relativePath}" is not inside the release`;
      throw validationError([{ path: 'path', message }], message);
    }
    return join(this.dir, clean);
  }

  async createFile(relativePath: string): Promise<Writable> {
    const path = await this.#prepare(relativePath);
    // Opened first: a file that cannot be created fails here rather than on the first write.
    return openFileSink(path);
  }

  async writeFile(relativePath: string, bytes: Uint8Array): Promise<void> {
    const path = await this.#prepare(relativePath);
    try {
      await writeFile(path, bytes);
    } catch (error) {
      throw writeError(error, path);
    }
  }

  async patch(relativePath: string, edits: readonly FileEdit[]): Promise<void> {
    const path = this.pathOf(relativePath);
    try {
      const handle = await open(path, 'r+');
      try {
        for (const edit of edits) {
          await handle.write(edit.bytes, 0, edit.bytes.length, edit.offset);
        }
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw writeError(error, path);
    }
  }

  async remove(relativePath: string): Promise<void> {
    await removeTree(this.pathOf(relativePath));
  }

  list(): Promise<ListedEntry[]> {
    return listTree(this.dir);
  }

  openRead(relativePath: string, range?: ByteRange): Readable {
    return new FileSource(this.pathOf(relativePath), range);
  }

  async publish(): Promise<string> {
    // rename() would silently replace an empty directory: look first when replacing is not asked.
    if (!this.#overwrite && (await pathExists(this.target))) {
      throw releaseExists(this.target);
    }
    const aside = this.#overwrite ? await this.#moveTargetAside() : undefined;
    try {
      await rename(this.dir, this.target);
    } catch (error) {
      if (aside !== undefined) {
        await rename(aside, this.target);
      }
      const code = errnoOf(error) ?? '';
      throw ['ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes(code)
        ? releaseExists(this.target)
        : writeError(error, this.target);
    }
    this.#published = true;
    if (aside !== undefined) {
      await removeTree(aside);
    }
    return this.target;
  }

  async discard(): Promise<void> {
    if (!this.#published) {
      await removeTree(this.dir);
    }
  }

  async #moveTargetAside(): Promise<string | undefined> {
    try {
      return await moveAside(this.target);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') {
        return undefined;
      }
      throw writeError(error, this.target);
    }
  }

  async #prepare(relativePath: string): Promise<string> {
    const path = this.pathOf(relativePath);
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (error) {
      throw writeError(error, path);
    }
    return path;
  }
}

async function pathExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') {
      return false;
    }
    throw writeError(error, path);
  }
}
