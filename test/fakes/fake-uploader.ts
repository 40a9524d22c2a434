/**
 * An in-memory destination and an Uploader over it. It passes the same contract suite as the real
 * adapters (test/integration/delivery/uploader-contract.ts), and lets service tests script the
 * failures real servers produce: refused connections, drops after N bytes, full disks.
 */
import { posix } from 'node:path';
import { crc32 } from 'node:zlib';
import {
  DeliveryError,
  type ConnectInfo,
  type RemoteEntry,
  type UploadOptions,
  type UploadSource,
  type Uploader,
  type VerifyExpectation,
  type VerifyReport,
} from '../../src/delivery/ports.js';
import { AppError } from '../../src/shared/errors.js';

function clean(path: string): string {
  const normal = posix.normalize(posix.join('/', path));
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

/** What the server holds, shared by every uploader connected to it. */
export class FakeRemote {
  readonly files = new Map<string, Buffer>();
  readonly dirs = new Set<string>(['/']);
  readonly readOnly = new Set<string>();
  /** Every operation in order, e.g. `upload /srv/x.sfv@0`, `connect`. */
  readonly log: string[] = [];
  /** Errors the next connect() calls throw, first one first. */
  readonly connectFailures: Error[] = [];
  /** The next upload of a matching path stops after `afterBytes` with a dropped connection. */
  readonly cuts: { path?: string; afterBytes: number }[] = [];
  /** Total bytes the disk may hold; beyond it uploads fail with quota_exceeded. */
  quotaBytes = Number.POSITIVE_INFINITY;
  /** Runs before every chunk is stored; tests use it to change the local file mid-upload. */
  onChunk?: (path: string, written: number) => void | Promise<void>;

  read(path: string): Buffer | undefined {
    return this.files.get(clean(path));
  }

  usedBytes(): number {
    return [...this.files.values()].reduce((sum, bytes) => sum + bytes.length, 0);
  }

  isReadOnly(path: string): boolean {
    return [...this.readOnly].some((dir) => path === dir || path.startsWith(`${dir}/`));
  }
}

export class FakeUploader implements Uploader {
  readonly protocol = 'local' as const;
  private connected = false;

  constructor(readonly remote: FakeRemote) {}

  connect(signal?: AbortSignal): Promise<ConnectInfo> {
    this.remote.log.push('connect');
    if (signal?.aborted === true) {
      return Promise.reject(this.cancelled('connect'));
    }
    const failure = this.remote.connectFailures.shift();
    if (failure !== undefined) {
      return Promise.reject(failure);
    }
    this.connected = true;
    return Promise.resolve({ banner: 'fake server', security: 'none', checksums: ['CRC32'] });
  }

  ensureDir(path: string): Promise<void> {
    this.alive('mkdir');
    const target = clean(path);
    for (let at = target; at !== '/'; at = posix.dirname(at)) {
      if (!this.remote.dirs.has(at) && this.remote.isReadOnly(posix.dirname(at))) {
        return Promise.reject(this.denied('mkdir', at));
      }
    }
    for (let at = target; at !== '/'; at = posix.dirname(at)) {
      this.remote.dirs.add(at);
    }
    this.remote.log.push(`mkdir ${target}`);
    return Promise.resolve();
  }

  stat(path: string): Promise<RemoteEntry | undefined> {
    this.alive('stat');
    const target = clean(path);
    if (this.remote.dirs.has(target)) {
      return Promise.resolve({ kind: 'directory', size: 0 });
    }
    const bytes = this.remote.files.get(target);
    return Promise.resolve(bytes === undefined ? undefined : { kind: 'file', size: bytes.length });
  }

  async upload(
    path: string,
    source: UploadSource,
    options: UploadOptions,
  ): Promise<{ bytes: number }> {
    this.alive('upload');
    const target = this.writableFile(path, 'upload');
    this.remote.log.push(`upload ${target}@${String(options.offset)}`);
    const cut = this.takeCut(target);
    const existing = this.remote.files.get(target) ?? Buffer.alloc(0);
    this.remote.files.set(target, options.offset > 0 ? existing : Buffer.alloc(0));
    let written = 0;
    try {
      for await (const chunk of source.open(options.offset)) {
        written = await this.store(target, chunk as Buffer, options, written, cut);
      }
    } catch (error) {
      throw error instanceof AppError ? error : this.dropped('upload', target, error);
    }
    return { bytes: written };
  }

  verify(path: string, expected: VerifyExpectation): Promise<VerifyReport> {
    this.alive('verify');
    const bytes = this.remote.files.get(clean(path));
    if (bytes?.length !== expected.size) {
      return Promise.reject(
        new DeliveryError('delivery.verify_failed', `${path} has the wrong size`, {
          step: 'verify',
          path,
          details: { expectedSize: expected.size, actualSize: bytes?.length ?? -1 },
        }),
      );
    }
    if (expected.crc32 === undefined) {
      return Promise.resolve({ size: bytes.length });
    }
    return expected.crc32().then((local) => {
      if (local !== crc32(bytes)) {
        throw new DeliveryError('delivery.verify_failed', `${path} has a different CRC-32`, {
          step: 'verify',
          path,
        });
      }
      return { size: bytes.length, checksum: 'crc32' as const };
    });
  }

  rename(from: string, to: string): Promise<void> {
    this.alive('rename');
    const source = clean(from);
    const bytes = this.remote.files.get(source);
    if (bytes === undefined) {
      return Promise.reject(
        new DeliveryError('delivery.path_missing', `${from} does not exist`, {
          step: 'rename',
          path: from,
        }),
      );
    }
    const target = this.writableFile(to, 'rename');
    this.remote.files.delete(source);
    this.remote.files.set(target, bytes);
    this.remote.log.push(`rename ${source} ${target}`);
    return Promise.resolve();
  }

  remove(path: string): Promise<void> {
    this.alive('remove');
    const target = clean(path);
    if (this.remote.isReadOnly(posix.dirname(target))) {
      return Promise.reject(this.denied('remove', target));
    }
    this.remote.files.delete(target);
    this.remote.log.push(`remove ${target}`);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.connected = false;
    return Promise.resolve();
  }

  private async store(
    target: string,
    chunk: Buffer,
    options: UploadOptions,
    written: number,
    cut: { afterBytes: number } | undefined,
  ): Promise<number> {
    if (options.signal?.aborted === true) {
      throw this.cancelled('upload');
    }
    await this.remote.onChunk?.(target, written);
    const room = cut === undefined ? chunk.length : Math.max(0, cut.afterBytes - written);
    const piece = chunk.subarray(0, Math.min(room, chunk.length));
    if (this.remote.usedBytes() + piece.length > this.remote.quotaBytes) {
      throw new DeliveryError('delivery.quota_exceeded', 'Disk quota exceeded', {
        step: 'upload',
        path: target,
        serverReply: '552 Disk quota exceeded',
      });
    }
    this.writeAt(target, options.offset + written, piece);
    options.onProgress?.(written + piece.length);
    if (piece.length < chunk.length) {
      this.connected = false;
      throw this.dropped('upload', target, new Error('connection cut'));
    }
    return written + piece.length;
  }

  private writeAt(target: string, at: number, piece: Buffer): void {
    const current = this.remote.files.get(target) ?? Buffer.alloc(0);
    const grown = Buffer.alloc(Math.max(current.length, at + piece.length));
    current.copy(grown);
    piece.copy(grown, at);
    this.remote.files.set(target, grown);
  }

  private takeCut(target: string): { afterBytes: number } | undefined {
    const index = this.remote.cuts.findIndex(
      (cut) => cut.path === undefined || clean(cut.path) === target,
    );
    return index < 0 ? undefined : this.remote.cuts.splice(index, 1)[0];
  }

  private writableFile(path: string, step: 'upload' | 'rename'): string {
    const target = clean(path);
    const parent = posix.dirname(target);
    if (!this.remote.dirs.has(parent)) {
      throw new DeliveryError('delivery.path_missing', `${parent} does not exist`, { step, path });
    }
    if (this.remote.isReadOnly(parent)) {
      throw this.denied(step, target);
    }
    return target;
  }

  private alive(step: 'mkdir' | 'stat' | 'upload' | 'verify' | 'rename' | 'remove'): void {
    if (!this.connected) {
      throw new DeliveryError('delivery.connection_failed', 'Not connected', { step });
    }
  }

  private denied(step: 'mkdir' | 'upload' | 'rename' | 'remove', path: string): DeliveryError {
    return new DeliveryError('delivery.not_writable', `Permission denied on ${path}`, {
      step,
      path,
      serverReply: '550 Permission denied.',
    });
  }

  private dropped(step: 'upload', path: string, cause: unknown): DeliveryError {
    return new DeliveryError('delivery.transfer_failed', 'The connection was lost', {
      step,
      path,
      cause,
    });
  }

  private cancelled(step: 'connect' | 'upload'): DeliveryError {
    return new DeliveryError('delivery.cancelled', 'The delivery was cancelled', {
      step,
      retryable: false,
    });
  }
}
