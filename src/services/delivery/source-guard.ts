/**
 * The bytes of one local file as an UploadSource that refuses to send anything but the file as it
 * was listed: more bytes or fewer than its listed size, or a read error, stop the upload with
 * `delivery.source_changed` instead of leaving a wrong file on the server. Reading from 0 also
 * yields the file's CRC-32 for servers that can check one.
 */
import { Transform, type Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { DeliveryError, type LocalFileReader, type UploadSource } from '../../delivery/ports.js';

export interface GuardedSource extends UploadSource {
  /** CRC-32 of the whole file: from the last full read, or by reading it again. */
  crc32(): Promise<number>;
}

function changed(file: string, detail: string, cause?: unknown): DeliveryError {
  return new DeliveryError('delivery.source_changed', `${file} ${detail}`, {
    step: 'upload',
    path: file,
    retryable: false,
    ...(cause === undefined ? {} : { cause }),
  });
}

async function crcOf(stream: Readable): Promise<number> {
  let crc = 0;
  for await (const chunk of stream) {
    crc = crc32(chunk as Buffer, crc);
  }
  return crc;
}

/**
 * `trackCrc`: compute the CRC-32 while streaming from 0 (only worth its CPU — about 0.6 s per
 * GiB — when the server can check one).
 */
export function guardedSource(
  reader: LocalFileReader,
  localPath: string,
  file: { path: string; size: number },
  trackCrc = true,
): GuardedSource {
  let fullCrc: number | undefined;
  return {
    size: file.size,
    open(offset) {
      const expected = file.size - offset;
      let seen = 0;
      let crc = 0;
      const guard = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          seen += chunk.length;
          if (seen > expected) {
            done(
              changed(
                file.path,
                `grew while it was being uploaded (listed at ${String(file.size)} bytes)`,
              ),
            );
            return;
          }
          if (trackCrc) {
            crc = crc32(chunk, crc);
          }
          done(null, chunk);
        },
        flush(done) {
          if (seen !== expected) {
            done(
              changed(
                file.path,
                `shrank while it was being uploaded (listed at ${String(file.size)} bytes)`,
              ),
            );
            return;
          }
          fullCrc = offset === 0 && trackCrc ? crc : fullCrc;
          done();
        },
      });
      const stream = reader.open(localPath, offset);
      stream.once('error', (error) => guard.destroy(changed(file.path, 'cannot be read', error)));
      guard.once('close', () => stream.destroy());
      return stream.pipe(guard);
    },
    async crc32() {
      fullCrc ??= await crcOf(reader.open(localPath, 0));
      return fullCrc;
    },
  };
}
