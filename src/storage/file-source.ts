/**
 * A Readable over a byte range of a file whose errors are the port's AppErrors
 * (`release.input_unreadable`), opened lazily when first read.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { readError } from './errors.js';
import type { ByteRange } from './ports.js';

const CHUNK = 4 * 1024 * 1024;

export class FileSource extends Readable {
  readonly #path: string;
  #position: number;
  readonly #end: number;
  #handle: FileHandle | undefined;

  constructor(path: string, range?: ByteRange) {
    super({ highWaterMark: 4 * CHUNK });
    this.#path = path;
    this.#position = range?.start ?? 0;
    this.#end = range?.end ?? Number.POSITIVE_INFINITY;
  }

  override _construct(callback: (error?: Error | null) => void): void {
    this.#open().then(
      () => {
        callback();
      },
      (error: unknown) => {
        callback(readError(error, this.#path));
      },
    );
  }

  async #open(): Promise<void> {
    this.#handle = await open(this.#path, 'r');
    if ((await this.#handle.stat()).isDirectory()) {
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
  }

  override _read(): void {
    const handle = this.#handle;
    const wanted = Math.min(CHUNK, this.#end - this.#position);
    if (handle === undefined || wanted <= 0) {
      this.push(null);
      return;
    }
    handle.read(Buffer.allocUnsafe(wanted), 0, wanted, this.#position).then(
      ({ bytesRead, buffer }) => {
        if (bytesRead === 0) {
          this.push(null);
          return;
        }
        this.#position += bytesRead;
        this.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
      },
      (error: unknown) => {
        this.destroy(readError(error, this.#path));
      },
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const handle = this.#handle;
    this.#handle = undefined;
    if (handle === undefined) {
      callback(error);
      return;
    }
    handle.close().then(
      () => {
        callback(error);
      },
      () => {
        callback(error);
      },
    );
  }
}
