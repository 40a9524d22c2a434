/**
 * FTP, FTPS explicit (AUTH TLS) and FTPS implicit with basic-ftp. basic-ftp gives us the control
 * channel; we own the login sequence (session.ts: the certificate is checked before the password
 * leaves), the data connections (passive.ts), the transfers (transfer.ts) and the error mapping.
 *
 * Resume uses `REST <offset>` + `STOR` when the server lists REST in FEAT (glftpd, vsftpd,
 * ProFTPD, pure-ftpd), `APPE` otherwise. Files are written under their final names: zipscripts
 * check each file when its STOR ends, so a rename afterwards would bypass them.
 */
import { posix } from 'node:path';
import { Client, FTPError } from 'basic-ftp';
import { cancelled, mapNetworkError, toDeliveryError } from '../errors.js';
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
import { progressCounter } from '../streams.js';
import { openDataConnection, type DataConnection, type PassiveState } from './passive.js';
import { checksumFeatures, mapFtpReply, parseCrcReply } from './replies.js';
import { openSession } from './session.js';
import { store } from './transfer.js';
import { SessionKeeper, type TlsSettings } from './tls.js';

export interface FtpUploaderOptions {
  /** Extra CA certificates (PEM) to trust besides the system ones. */
  ca?: string;
  /** Caps the TLS version (tests prove session reuse on TLS 1.2 as well as 1.3). */
  tlsMaxVersion?: 'TLSv1.2' | 'TLSv1.3';
  /** Receives the protocol dialogue; basic-ftp masks the password. */
  log?: (line: string) => void;
}

type Protocol = 'ftp' | 'ftps' | 'ftps-implicit';

/** Stops `onAbort` from being called once the operation is over. */
function whenAborted(signal: AbortSignal | undefined, onAbort: () => void): () => void {
  if (signal === undefined) {
    return () => undefined;
  }
  if (signal.aborted) {
    onAbort();
  }
  signal.addEventListener('abort', onAbort, { once: true });
  return () => {
    signal.removeEventListener('abort', onAbort);
  };
}

export class FtpUploader implements Uploader {
  readonly protocol: Protocol;
  private client = new Client();
  private home = '/';
  private features = new Map<string, string>();
  private readonly tls: TlsSettings | undefined;
  private readonly state: PassiveState;

  constructor(
    private readonly target: DeliveryTarget,
    private readonly options: FtpUploaderOptions = {},
  ) {
    if (
      target.protocol !== 'ftp' &&
      target.protocol !== 'ftps' &&
      target.protocol !== 'ftps-implicit'
    ) {
      throw new Error(`FtpUploader cannot speak ${target.protocol}`);
    }
    this.protocol = target.protocol;
    this.tls =
      target.protocol === 'ftp'
        ? undefined
        : {
            host: target.host,
            ...(target.tlsFingerprint === undefined ? {} : { fingerprint: target.tlsFingerprint }),
            ...(options.ca === undefined ? {} : { ca: options.ca }),
            ...(options.tlsMaxVersion === undefined ? {} : { maxVersion: options.tlsMaxVersion }),
          };
    this.state = {
      pasvOnly: target.forcePasv === true,
      tls: this.tls,
      keeper: new SessionKeeper(),
    };
  }

  async connect(signal?: AbortSignal): Promise<ConnectInfo> {
    this.client.close();
    this.client = new Client(this.target.timeoutMs ?? DEFAULT_TIMEOUT_MS[this.protocol]);
    const log = this.options.log;
    if (log !== undefined) {
      this.client.ftp.verbose = true;
      this.client.ftp.log = log;
    }
    const client = this.client;
    const stop = whenAborted(signal, () => {
      client.ftp.closeWithError(cancelled({ step: 'connect' }));
    });
    try {
      const session = await openSession(client, {
        host: this.target.host,
        port: this.target.port,
        username: this.target.username,
        password: this.target.password ?? '',
        implicit: this.protocol === 'ftps-implicit',
        tls: this.tls,
        keeper: this.state.keeper,
      });
      this.home = session.home;
      this.features = session.features;
      return {
        banner: session.welcome,
        security: session.security,
        checksums: checksumFeatures(this.features),
      };
    } catch (error) {
      client.close();
      throw this.mapped(error, 'connect');
    } finally {
      stop();
    }
  }

  ensureDir(path: string): Promise<void> {
    return this.run('mkdir', path, async (client) => {
      if (await this.isDirectory(path)) {
        return;
      }
      const parts = path.split('/').filter((part) => part !== '');
      let at = path.startsWith('/') ? '' : '.';
      for (const part of parts) {
        at = `${at}/${part}`;
        await this.makeDir(client, at === '' ? '/' : at);
      }
    });
  }

  stat(path: string): Promise<RemoteEntry | undefined> {
    return this.run('stat', path, async () => {
      const size = await this.sizeOf(path);
      if (size !== undefined) {
        return { kind: 'file', size };
      }
      return (await this.isDirectory(path)) ? { kind: 'directory', size: 0 } : undefined;
    });
  }

  upload(path: string, source: UploadSource, options: UploadOptions): Promise<{ bytes: number }> {
    return this.run('upload', path, async (client) => {
      const counter = progressCounter(options.onProgress);
      const stream = source.open(options.offset);
      let sourceError: Error | undefined;
      stream.once('error', (error) => {
        sourceError = error;
        counter.destroy(error);
      });
      counter.on('error', () => undefined);
      stream.pipe(counter);
      const stop = whenAborted(options.signal, () => {
        client.ftp.closeWithError(cancelled({ step: 'upload', path }));
      });
      let data: DataConnection | undefined;
      try {
        data = await openDataConnection(client.ftp, this.state);
        const command = await this.transferCommand(client, path, options.offset);
        await store(client.ftp, command, data, counter, () => sourceError);
        return { bytes: counter.bytes };
      } catch (error) {
        throw await this.explainRefusal(error, path);
      } finally {
        stop();
        data?.socket.destroy();
        stream.destroy();
      }
    });
  }

  /** STOR from scratch; to resume, REST + STOR where the server lists REST, APPE elsewhere. */
  private async transferCommand(client: Client, path: string, offset: number): Promise<string> {
    if (offset === 0) {
      return `STOR ${path}`;
    }
    if (!this.features.has('REST')) {
      return `APPE ${path}`;
    }
    await client.send(`REST ${String(offset)}`);
    return `STOR ${path}`;
  }

  verify(path: string, expected: VerifyExpectation): Promise<VerifyReport> {
    return this.run('verify', path, async (client) => {
      const size = (await this.sizeOf(path)) ?? -1;
      if (size !== expected.size) {
        throw new DeliveryError(
          'delivery.verify_failed',
          `${path} holds ${String(size)} bytes on the server instead of ${String(expected.size)}`,
          { step: 'verify', path, details: { expectedSize: expected.size, actualSize: size } },
        );
      }
      const remote = expected.crc32 === undefined ? undefined : await this.remoteCrc(client, path);
      if (remote === undefined || expected.crc32 === undefined) {
        return { size };
      }
      const local = await expected.crc32();
      if (local !== remote) {
        throw new DeliveryError(
          'delivery.verify_failed',
          `${path} has a different CRC-32 on the server`,
          {
            step: 'verify',
            path,
            details: { expectedCrc32: local, actualCrc32: remote },
          },
        );
      }
      return { size, checksum: 'crc32' };
    });
  }

  rename(from: string, to: string): Promise<void> {
    return this.run('rename', from, async (client) => {
      try {
        await client.rename(from, to);
      } catch (error) {
        // Some servers refuse to rename over an existing file: clear the way once and retry.
        if (!(error instanceof FTPError) || (await this.sizeOf(to)) === undefined) {
          throw error;
        }
        await client.remove(to);
        await client.rename(from, to);
      }
    });
  }

  remove(path: string): Promise<void> {
    return this.run('remove', path, async (client) => {
      try {
        await client.remove(path);
      } catch (error) {
        if (error instanceof FTPError && (await this.sizeOf(path)) === undefined) {
          return;
        }
        throw error;
      }
    });
  }

  close(): Promise<void> {
    this.client.close();
    return Promise.resolve();
  }

  /** Size of a file, or undefined when SIZE is refused (missing, or a folder). */
  private async sizeOf(path: string): Promise<number | undefined> {
    try {
      return await this.client.size(path);
    } catch (error) {
      if (error instanceof FTPError && error.code >= 500) {
        return undefined;
      }
      throw error;
    }
  }

  private async isDirectory(path: string): Promise<boolean> {
    try {
      await this.client.cd(path);
    } catch (error) {
      if (error instanceof FTPError && error.code >= 500) {
        return false;
      }
      throw error;
    }
    await this.client.cd(this.home);
    return true;
  }

  private async makeDir(client: Client, path: string): Promise<void> {
    try {
      await client.send(`MKD ${path}`);
    } catch (error) {
      // MKD also fails when the folder exists already; only a missing folder is a failure.
      if (!(error instanceof FTPError) || !(await this.isDirectory(path))) {
        throw error;
      }
    }
  }

  private async remoteCrc(client: Client, path: string): Promise<number | undefined> {
    const checksums = checksumFeatures(this.features);
    if (checksums.includes('XCRC')) {
      return parseCrcReply((await client.send(`XCRC ${path}`)).message);
    }
    if (checksums.includes('HASH')) {
      await client.send('OPTS HASH CRC32');
      return parseCrcReply((await client.send(`HASH ${path}`)).message);
    }
    return undefined;
  }

  /** A refused STOR means a missing folder or no permission: look at the folder to tell which. */
  private async explainRefusal(error: unknown, path: string): Promise<unknown> {
    if (!(error instanceof FTPError) || (error.code !== 550 && error.code !== 553)) {
      return error;
    }
    const parent = posix.dirname(path);
    if (await this.isDirectory(parent)) {
      return error;
    }
    return new DeliveryError('delivery.path_missing', `The folder ${parent} does not exist`, {
      step: 'upload',
      path,
      serverReply: error.message,
    });
  }

  private async run<T>(
    step: DeliveryStep,
    path: string,
    work: (client: Client) => Promise<T>,
  ): Promise<T> {
    try {
      return await work(this.client);
    } catch (error) {
      throw this.mapped(error, step, path);
    }
  }

  private mapped(error: unknown, step: DeliveryStep, path?: string): Error {
    const where = { step, host: this.target.host, ...(path === undefined ? {} : { path }) };
    if (error instanceof FTPError) {
      return mapFtpReply(error.code, error.message, where);
    }
    return toDeliveryError(error, where, (cause, at) => mapNetworkError(cause, at));
  }
}
