/** Reading what the checker needs from a release: small files whole, big files as CRCs. */
import type { Readable } from 'node:stream';
import { AppError } from '../../shared/errors.js';
import { Crc32 } from '../crc/crc32.js';

/** Text files (NFO, SFV, DIZ) are small; a bigger one is read only this far. */
export const TEXT_LIMIT = 1024 * 1024;

export async function readSmall(stream: Readable, limit = TEXT_LIMIT): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= limit) {
      stream.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

export async function crcOfStream(stream: Readable, signal?: AbortSignal): Promise<number> {
  const crc = new Crc32();
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (signal?.aborted === true) {
      stream.destroy();
      throw new AppError('release.cancelled', 'The operation was cancelled', {
        cause: signal.reason,
      });
    }
    crc.update(chunk);
  }
  return crc.value;
}

/** The last path component. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
