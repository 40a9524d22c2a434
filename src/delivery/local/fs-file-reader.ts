/**
 * The release directory as the delivery service reads it: a recursive listing and byte streams.
 * Symbolic links are not followed: a release is made of the files the packer wrote.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import type { LocalFile, LocalFileReader } from '../ports.js';

async function isFolder(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      return false;
    }
    throw error;
  }
}

async function walk(root: string, dir: string, into: LocalFile[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      await walk(root, full, into);
    } else if (entry.isFile()) {
      const path = relative(root, full).split(sep).join('/');
      into.push({ path, size: (await stat(full)).size });
    }
  }
}

export class FsFileReader implements LocalFileReader {
  async list(dir: string): Promise<LocalFile[] | undefined> {
    if (!(await isFolder(dir))) {
      return undefined;
    }
    const files: LocalFile[] = [];
    await walk(dir, dir, files);
    return files;
  }

  open(path: string, offset: number): Readable {
    return createReadStream(path, { start: offset, highWaterMark: 1024 * 1024 });
  }
}
