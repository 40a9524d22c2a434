import { Readable, Writable } from 'node:stream';
import type { ZipSource } from '../../../../src/core/zip/zip-reader.js';

/** A Writable that keeps what it receives. */
export function collector(): { stream: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  stream.on('error', () => undefined);
  return { stream, bytes: () => Buffer.concat(chunks) };
}

export function bufferSource(bytes: Buffer): ZipSource {
  return {
    size: bytes.length,
    createReadStream: (start, end) => Readable.from([bytes.subarray(start, end)]),
  };
}

export function streamOf(bytes: Buffer, chunkSize = 1000): () => Readable {
  return () =>
    Readable.from(
      (function* () {
        for (let offset = 0; offset < bytes.length; offset += chunkSize) {
          yield bytes.subarray(offset, offset + chunkSize);
        }
      })(),
    );
}

/** Offsets of every local file header (PK\3\4) and central directory header (PK\1\2). */
export function headerOffsets(zip: Buffer, signature: number): number[] {
  const found: number[] = [];
  for (let offset = 0; offset + 4 <= zip.length; offset += 1) {
    if (zip.readUInt32LE(offset) === signature) {
      found.push(offset);
    }
  }
  return found;
}
