/**
 * "Deliver to a folder": the Uploader contract on the local file system. Remote paths are local
 * paths. Used by tests as the reference behaviour and by users who deliver to a mounted share.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { cancelled, mapFsError, toDeliveryError } from '../errors.js';
import {
  DeliveryError,
  type ConnectInfo,
  type DeliveryStep,
  type RemoteEntry,
  type UploadOptions,
  type UploadSource,
  type Uploader,
  type VerifyExpectation,
  type VerifyReport,
} from '../ports.js';
import { isAbortError, progressCounter } from '../streams.js';

function fail(error: unknown, step: DeliveryStep, path: string): never {
  throw toDeliveryError(error, { step, path }, mapFsError);
}

async function crcOfFile(path: string): Promise<number> {
  let crc = 0;
  for await (const chunk of createReadStream(path)) {
    crc = crc32(chunk as Buffer, crc);
  }
  return crc;
}

export class LocalDirUploader implements Uploader {
  readonly protocol = 'local' as const;

  connect(signal?: AbortSignal): Promise<ConnectInfo> {
    if (signal?.aborted === true) {
      return Promise.reject(cancelled({ step: 'connect' }));
    }
    return Promise.resolve({ banner: 'local folder', security: 'local', checksums: ['CRC32'] });
  }

  async ensureDir(path: string): Promise<void> {
    try {
      await mkdir(path, { recursive: true });
    } catch (error) {
      fail(error, 'mkdir', path);
    }
  }

  async stat(path: string): Promise<RemoteEntry | undefined> {
    try {
      const info = await stat(path);
      return info.isDirectory()
        ? { kind: 'directory', size: 0 }
        : { kind: 'file', size: info.size };
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') {
        return undefined;
      }
      return fail(error, 'stat', path);
    }
  }

  async upload(
    path: string,
    source: UploadSource,
    options: UploadOptions,
  ): Promise<{ bytes: number }> {
    const counter = progressCounter(options.onProgress);
    const target = createWriteStream(path, {
      flags: options.offset > 0 ? 'r+' : 'w',
      start: options.offset,
    });
    try {
      const signal = options.signal ?? new AbortController().signal;
      await pipeline(source.open(options.offset), counter, target, { signal });
      return { bytes: counter.bytes };
    } catch (error) {
      if (isAbortError(error)) {
        throw cancelled({ step: 'upload', path });
      }
      return fail(error, 'upload', path);
    }
  }

  async verify(path: string, expected: VerifyExpectation): Promise<VerifyReport> {
    const entry = await this.stat(path);
    const size = entry?.kind === 'file' ? entry.size : -1;
    if (size !== expected.size) {
      throw new DeliveryError(
        'delivery.verify_failed',
        `${path} holds ${size} bytes instead of ${expected.size}`,
        { step: 'verify', path, details: { expectedSize: expected.size, actualSize: size } },
      );
    }
    if (expected.crc32 === undefined) {
      return { size };
    }
    const [local, remote] = await Promise.all([expected.crc32(), crcOfFile(path)]);
    if (local !== remote) {
      throw new DeliveryError('delivery.verify_failed', `${path} has a different CRC-32`, {
        step: 'verify',
        path,
        details: { expectedCrc32: local, actualCrc32: remote },
      });
    }
    return { size, checksum: 'crc32' };
  }

  async rename(from: string, to: string): Promise<void> {
    try {
      await rename(from, to);
    } catch (error) {
      fail(error, 'rename', from);
    }
  }

  async remove(path: string): Promise<void> {
    try {
      await rm(path, { force: true });
    } catch (error) {
      fail(error, 'remove', path);
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
