/**
 * SFTP with ssh2. The host key is checked against the pinned `SHA256:<base64>` fingerprint before
 * any credential is sent; an unknown or changed key is refused and its fingerprint reported, so a
 * user can pin it after checking it out of band. Writes are pipelined (see pipelined-write.ts).
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { Client, type ConnectConfig, type SFTPWrapper } from 'ssh2';
import { cancelled, messageOf, toDeliveryError } from '../errors.js';
import {
  DEFAULT_TIMEOUT_MS,
  DeliveryError,
  type ConnectInfo,
  type DeliveryStep,
  type DeliveryTarget,
  type RemoteEntry,
  type UploadOptions,
  type UploadSource,
  type Uploader,
  type VerifyExpectation,
  type VerifyReport,
} from '../ports.js';
import { AbortedError, pipelinedWrite, type PipelineSettings } from './pipelined-write.js';
import { OPEN, STATUS, call, freeBytes, mapSftpError, statPath, statusOf } from './sftp-calls.js';

export interface SftpUploaderOptions {
  chunkBytes?: number;
  inFlight?: number;
}

/** OpenSSH's fingerprint format: SHA-256 of the key blob, base64 without padding. */
function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

interface HostKeyCheck {
  offered?: string;
}

export class SftpUploader implements Uploader {
  readonly protocol = 'sftp' as const;
  private connection: Client | undefined;
  private sftp: SFTPWrapper | undefined;
  private readonly timeoutMs: number;
  private readonly pipeline: Omit<PipelineSettings, 'stallMs'>;

  constructor(
    private readonly target: DeliveryTarget,
    options: SftpUploaderOptions = {},
  ) {
    this.timeoutMs = target.timeoutMs ?? DEFAULT_TIMEOUT_MS.sftp;
    // 2 MiB in flight, like OpenSSH's client (64 × 32 KiB) and as much as sshd's channel window
    // takes at once; 128 KiB requests cost less CPU per byte than 32 KiB ones (measured on
    // loopback), and OpenSSH accepts up to 255 KiB.
    this.pipeline = {
      chunkBytes: options.chunkBytes ?? 131_072,
      inFlight: options.inFlight ?? 16,
    };
  }

  async connect(signal?: AbortSignal): Promise<ConnectInfo> {
    await this.close();
    const connection = new Client();
    // ssh2 may emit more errors after the first (e.g. after a timeout); pending calls learn of a
    // dead connection through its `close` event, so the later ones are not news.
    connection.on('error', () => undefined);
    const check: HostKeyCheck = {};
    this.connection = connection;
    try {
      const banner = await this.handshake(connection, check, signal);
      this.sftp = await call<SFTPWrapper>(connection, (done) => {
        connection.sftp(done);
      });
      return { banner, security: 'SSH-2.0', checksums: [] };
    } catch (error) {
      connection.destroy();
      throw this.connectError(error, check, signal);
    }
  }

  ensureDir(path: string): Promise<void> {
    return this.run('mkdir', path, async (connection, sftp) => {
      if ((await this.stat(path))?.kind === 'directory') {
        return;
      }
      const parts = path.split('/').filter((part) => part !== '');
      let at = path.startsWith('/') ? '' : '.';
      for (const part of parts) {
        at = `${at}/${part}`;
        await this.makeDir(connection, sftp, at);
      }
    });
  }

  stat(path: string): Promise<RemoteEntry | undefined> {
    return this.run('stat', path, async (connection, sftp) => {
      try {
        const stats = await statPath(connection, sftp, path);
        return stats.isDirectory()
          ? { kind: 'directory', size: 0 }
          : { kind: 'file', size: stats.size };
      } catch (error) {
        if (statusOf(error) === STATUS.NO_SUCH_FILE) {
          return undefined;
        }
        throw error;
      }
    });
  }

  upload(path: string, source: UploadSource, options: UploadOptions): Promise<{ bytes: number }> {
    return this.run('upload', path, async (connection, sftp) => {
      const flags = options.offset > 0 ? OPEN.WRITE : OPEN.WRITE | OPEN.CREAT | OPEN.TRUNC;
      const handle = await call<Buffer>(connection, (done) => {
        sftp.open(path, flags, done);
      });
      const stream = source.open(options.offset);
      try {
        const bytes = await pipelinedWrite(
          {
            sftp,
            handle,
            source: stream,
            position: options.offset,
            ...(options.signal === undefined ? {} : { signal: options.signal }),
            ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
            onStop: () => connection.destroy(),
          },
          { ...this.pipeline, stallMs: this.timeoutMs },
        );
        await call(connection, (done) => {
          sftp.close(handle, done);
        });
        return { bytes };
      } catch (error) {
        throw await this.explainWriteFailure(error, path, source.size - options.offset);
      } finally {
        stream.destroy();
      }
    });
  }

  async verify(path: string, expected: VerifyExpectation): Promise<VerifyReport> {
    const entry = await this.stat(path);
    const size = entry?.kind === 'file' ? entry.size : -1;
    if (size !== expected.size) {
      throw new DeliveryError(
        'delivery.verify_failed',
        `${path} holds ${String(size)} bytes on the server instead of ${String(expected.size)}`,
        { step: 'verify', path, details: { expectedSize: expected.size, actualSize: size } },
      );
    }
    return { size };
  }

  rename(from: string, to: string): Promise<void> {
    return this.run('rename', from, async (connection, sftp) => {
      // Plain SFTP rename refuses an existing target; OpenSSH's extension replaces it atomically.
      try {
        await call(connection, (done) => {
          sftp.ext_openssh_rename(from, to, done);
        });
        return;
      } catch (error) {
        if (
          statusOf(error) !== STATUS.OP_UNSUPPORTED &&
          !messageOf(error).includes('not support')
        ) {
          throw error;
        }
      }
      await this.remove(to);
      await call(connection, (done) => {
        sftp.rename(from, to, done);
      });
    });
  }

  remove(path: string): Promise<void> {
    return this.run('remove', path, async (connection, sftp) => {
      try {
        await call(connection, (done) => {
          sftp.unlink(path, done);
        });
      } catch (error) {
        if (statusOf(error) !== STATUS.NO_SUCH_FILE) {
          throw error;
        }
      }
    });
  }

  close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    this.sftp = undefined;
    if (connection === undefined) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        connection.destroy();
        resolve();
      }, 1_000);
      connection.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      connection.end();
    });
  }

  private handshake(
    connection: Client,
    check: HostKeyCheck,
    signal?: AbortSignal,
  ): Promise<string> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        connection.destroy();
        reject(cancelled({ step: 'connect' }));
      };
      if (signal?.aborted === true) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      connection.once('ready', () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(`SSH-2.0-${this.serverVersion(connection) ?? 'unknown'}`);
      });
      connection.once('error', (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      });
      connection.connect(this.config(check));
    });
  }

  private serverVersion(connection: Client): string | undefined {
    const remote = (connection as unknown as { _remoteVer?: unknown })._remoteVer;
    return typeof remote === 'string' ? remote : undefined;
  }

  private config(check: HostKeyCheck): ConnectConfig {
    const { host, port, username, password, privateKey, passphrase } = this.target;
    const pinned = this.target.hostKeyFingerprint;
    return {
      host,
      port,
      username,
      readyTimeout: this.timeoutMs,
      keepaliveInterval: Math.max(1_000, Math.floor(this.timeoutMs / 3)),
      keepaliveCountMax: 3,
      tryKeyboard: false,
      ...(password === undefined || password === '' ? {} : { password }),
      ...(privateKey === undefined || privateKey === '' ? {} : { privateKey }),
      ...(passphrase === undefined || passphrase === '' ? {} : { passphrase }),
      hostVerifier: (key: Buffer) => {
        check.offered = hostKeyFingerprint(key);
        return pinned?.replace(/=+$/, '') === check.offered;
      },
    };
  }

  private connectError(error: unknown, check: HostKeyCheck, signal?: AbortSignal): Error {
    if (signal?.aborted === true) {
      return cancelled({ step: 'connect' });
    }
    const pinned = this.target.hostKeyFingerprint;
    const offered = check.offered;
    const where = { step: 'connect' as const, host: this.target.host };
    if (offered !== undefined && /verification failed|Host denied/i.test(messageOf(error))) {
      return pinned === undefined || pinned === ''
        ? new DeliveryError(
            'delivery.host_key_unknown',
            `The host key of ${this.target.host} is not pinned; check and pin ${offered}`,
            { ...where, details: { fingerprint: offered } },
          )
        : new DeliveryError(
            'delivery.host_key_mismatch',
            `The host key of ${this.target.host} changed: it is ${offered}, pinned ${pinned}`,
            { ...where, details: { fingerprint: offered, pinned } },
          );
    }
    const level = (error as { level?: unknown }).level;
    if (level === 'client-authentication') {
      return new DeliveryError(
        'delivery.auth_failed',
        `Login refused for ${this.target.username}`,
        { ...where, serverReply: messageOf(error) },
      );
    }
    if (/privateKey|passphrase|encrypted/i.test(messageOf(error))) {
      return new DeliveryError(
        'delivery.auth_failed',
        `The private key cannot be used: ${messageOf(error)}`,
        where,
      );
    }
    return toDeliveryError(error, where, mapSftpError);
  }

  private async makeDir(connection: Client, sftp: SFTPWrapper, path: string): Promise<void> {
    try {
      await call(connection, (done) => {
        sftp.mkdir(path, done);
      });
    } catch (error) {
      // mkdir also fails when the folder exists already; only a missing folder is a failure.
      if ((await this.stat(path))?.kind !== 'directory') {
        throw error;
      }
    }
  }

  /** OpenSSH reports a full disk as a bare FAILURE: ask the file system whether it is full. */
  private async explainWriteFailure(
    error: unknown,
    path: string,
    remaining: number,
  ): Promise<unknown> {
    if (error instanceof AbortedError) {
      return cancelled({ step: 'upload', path });
    }
    const connection = this.connection;
    if (statusOf(error) !== STATUS.FAILURE || connection === undefined || this.sftp === undefined) {
      return error;
    }
    const free = await freeBytes(connection, this.sftp, posix.dirname(path));
    if (free !== undefined && free < remaining) {
      return new DeliveryError(
        'delivery.quota_exceeded',
        `No space left for ${path} (${String(free)} bytes free)`,
        {
          step: 'upload',
          path,
          serverReply: messageOf(error),
          details: { freeBytes: free, neededBytes: remaining },
        },
      );
    }
    return error;
  }

  private async run<T>(
    step: DeliveryStep,
    path: string,
    work: (connection: Client, sftp: SFTPWrapper) => Promise<T>,
  ): Promise<T> {
    const { connection, sftp } = this;
    if (connection === undefined || sftp === undefined) {
      throw new DeliveryError('delivery.connection_failed', 'Not connected', { step, path });
    }
    try {
      return await work(connection, sftp);
    } catch (error) {
      throw toDeliveryError(error, { step, path, host: this.target.host }, mapSftpError);
    }
  }
}
