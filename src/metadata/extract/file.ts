/** Positional reads of a local file; the only place the extractors open files themselves. */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { failed } from './errors.js';

export interface OpenedFile {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Promise<Buffer>;
}

async function readAt(handle: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, offset);
  return buffer.subarray(0, bytesRead);
}

/** Opens `path`, runs `work`, always closes. A path that cannot be opened is `extract_failed`. */
export async function withFile<T>(
  path: string,
  work: (file: OpenedFile) => Promise<T>,
): Promise<T> {
  let handle: FileHandle;
  let size: number;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw failed(`Cannot open ${path}`, error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new Error('not a regular file');
    }
    size = stats.size;
  } catch (error) {
    await handle.close();
    throw failed(`Cannot open ${path}`, error);
  }
  try {
    return await work({ size, read: (offset, length) => readAt(handle, offset, length) });
  } finally {
    await handle.close();
  }
}

/** The file name without directory and last extension, for the last-resort title. */
export function fileStem(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
