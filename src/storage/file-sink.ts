/**
 * A Writable over a file handle whose errors are already the port's AppErrors (a full disk is
 * `release.disk_full`), so every writer above it reports the same thing whatever stream broke.
 * Batched chunks go out with one writev; back-pressure comes from the highWaterMark.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { writeError } from './errors.js';

const HIGH_WATER_MARK = 8 * 1024 * 1024;

export class FileSink extends Writable {
  readonly #path: string;
  #handle: FileHandle | undefined;

  /** `handle` is an already open file (see `openFileSink`); without it the file opens lazily. */
  constructor(path: string, handle?: FileHandle) {
    super({ highWaterMark: HIGH_WATER_MARK });
    this.#path = path;
    this.#handle = handle;
  }

  override _construct(callback: (error?: Error | null) => void): void {
    if (this.#handle !== undefined) {
      callback();
      return;
    }
    open(this.#path, 'w').then(
      (handle) => {
        this.#handle = handle;
        callback();
      },
      (error: unknown) => {
        callback(writeError(error, this.#path));
      },
    );
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (e?: Error) => void): void {
    this.#writeAll([chunk]).then(() => {
      callback();
    }, callback);
  }

  override _writev(
    chunks: { chunk: Buffer; encoding: BufferEncoding }[],
    callback: (e?: Error) => void,
  ): void {
    this.#writeAll(chunks.map((item) => item.chunk)).then(() => {
      callback();
    }, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.#close().then(() => {
      callback();
    }, callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#close().then(
      () => {
        callback(error);
      },
      () => {
        callback(error);
      },
    );
  }

  /** writev may write fewer bytes than asked (a full disk mid-way); the rest is retried. */
  async #writeAll(chunks: Buffer[]): Promise<void> {
    const handle = this.#handle;
    if (handle === undefined) {
      throw writeError(new Error('the file is not open'), this.#path);
    }
    let pending = chunks;
    try {
      while (pending.length > 0) {
        const { bytesWritten } = await handle.writev(pending);
        if (bytesWritten === 0) {
          // A regular file takes no byte only when the file system has no room left.
          throw Object.assign(new Error('no byte was written'), { code: 'ENOSPC' });
        }
        pending = dropBytes(pending, bytesWritten);
      }
    } catch (error) {
      throw writeError(error, this.#path);
    }
  }

  async #close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    if (handle !== undefined) {
      try {
        await handle.close();
      } catch (error) {
        throw writeError(error, this.#path);
      }
    }
  }
}

function dropBytes(chunks: Buffer[], count: number): Buffer[] {
  let left = count;
  const rest: Buffer[] = [];
  for (const chunk of chunks) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    rest.push(left > 0 ? chunk.subarray(left) : chunk);
    left = 0;
  }
  return rest;
}

/** Opens `path` for writing first, so a failure to create the file rejects here. */
export async function openFileSink(path: string): Promise<FileSink> {
  try {
    return new FileSink(path, await open(path, 'w'));
  } catch (error) {
    throw writeError(error, path);
  }
}
