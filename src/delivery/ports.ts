/**
 * The delivery room's ports: what a service may ask of an uploader, whatever the protocol.
 *
 * Paths given to an `Uploader` are remote paths as the server understands them, `/`-separated
 * (absolute, or relative to the login directory). Every failure is a `DeliveryError`: an `AppError`
 * with a `delivery.*` code, a `retryable` flag, the step that failed and, when a server answered,
 * its own words — so a service can decide to retry and a user can read what happened.
 */
import type { Readable } from 'node:stream';
import type { DestinationProtocol } from '../domain/enums.js';
import { AppError, type ErrorCode } from '../shared/errors.js';

/** `local` writes into a folder on this machine (tests, "deliver to a folder"). */
export type DeliveryProtocol = DestinationProtocol | 'local';

/**
 * Settings of one destination, with credentials already decrypted (services decrypt; adapters
 * never see ciphertext). Fields that do not apply to a protocol are ignored by its adapter.
 */
export interface DeliveryTarget {
  protocol: DeliveryProtocol;
  host: string;
  port: number;
  username: string;
  password?: string;
  /** SSH private key (PEM or OpenSSH format). */
  privateKey?: string;
  passphrase?: string;
  /** Pinned SSH host key, `SHA256:<base64 without padding>`. Without it every host key is refused. */
  hostKeyFingerprint?: string;
  /** Accepted TLS certificate SHA-256 (hex, colons optional) for self-signed FTPS sites. */
  tlsFingerprint?: string;
  /** Base folder of the destination; releases go into `<remotePath>/<release name>`. */
  remotePath: string;
  /** FTP: skip EPSV and use PASV (some firewalls drop EPSV). */
  forcePasv?: boolean;
  /** Idle timeout of every network operation; defaults in `DEFAULT_TIMEOUT_MS`. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS: Readonly<Record<DeliveryProtocol, number>> = {
  ftp: 30_000,
  ftps: 30_000,
  'ftps-implicit': 30_000,
  sftp: 60_000,
  local: 30_000,
};

/** What exists at a remote path. */
export interface RemoteEntry {
  kind: 'file' | 'directory';
  /** Bytes; 0 for directories. */
  size: number;
}

/** The bytes to upload, handed over as a factory so a retry can reopen them at any offset. */
export interface UploadSource {
  /** The length the upload must end at. */
  size: number;
  /** A fresh stream of the bytes from `offset` to the end. Its errors abort the upload unchanged. */
  open(offset: number): Readable;
}

export interface UploadOptions {
  /**
   * 0 writes the file from scratch (creating or truncating it). A positive offset resumes: the
   * remote file must already hold exactly `offset` bytes, which are kept; the source is opened at
   * `offset` and its bytes are written after them.
   */
  offset: number;
  signal?: AbortSignal;
  /** Called with the bytes of this call written so far (not counting `offset`). */
  onProgress?: (bytesWritten: number) => void;
}

export interface VerifyExpectation {
  size: number;
  /** The local CRC-32, computed only if the server can checksum the remote file. */
  crc32?: () => Promise<number>;
}

export interface VerifyReport {
  size: number;
  /** Which checksum the server confirmed, when it offers one (FTP `XCRC`/`HASH`, local files). */
  checksum?: 'crc32';
}

/** What the server told us at login, for the destination test and the logs. */
export interface ConnectInfo {
  /** Server greeting or SSH software version. */
  banner: string;
  /** `TLSv1.3`, `SSH-2.0` … */
  security: string;
  /** Checksum commands the server offers (`XCRC`, `HASH`); empty when none. */
  checksums: string[];
}

/**
 * One connection to one destination. Not safe for concurrent calls: a service runs one operation
 * at a time per uploader and opens another uploader for parallel work. After any error other than
 * `delivery.path_missing`, `delivery.not_writable`, `delivery.verify_failed` or an error of the
 * source, the connection may be dead: close the uploader and open a new one before retrying.
 */
export interface Uploader {
  readonly protocol: DeliveryProtocol;
  /**
   * Opens the connection, secures it and logs in. Errors: `dns_failed`, `connection_refused`,
   * `connection_failed`, `timeout`, `tls_failed` (details: the certificate `fingerprint`),
   * `host_key_unknown` / `host_key_mismatch` (details: the `fingerprint` offered), `auth_failed`,
   * `cancelled`.
   */
  connect(signal?: AbortSignal): Promise<ConnectInfo>;
  /** Creates `path` and its missing parents; existing folders are fine. Errors: `not_writable`. */
  ensureDir(path: string): Promise<void>;
  /** What is at `path`, or undefined when nothing is. Errors: only a failing connection's. */
  stat(path: string): Promise<RemoteEntry | undefined>;
  /**
   * Writes `source` to `path` as described by `options.offset`; resolves once the server has
   * acknowledged every byte. Errors: `path_missing` (no such folder), `not_writable`,
   * `quota_exceeded`, `transfer_failed` / `connection_failed` / `timeout` (retryable: the remote
   * file then holds a prefix of the bytes and can be resumed), `cancelled` when `signal` aborts,
   * or the source stream's own error, rethrown unchanged.
   */
  upload(path: string, source: UploadSource, options: UploadOptions): Promise<{ bytes: number }>;
  /**
   * Checks the remote file against what was sent: its size always, its CRC-32 when the server can
   * compute one. Errors: `verify_failed` (details: expected and actual values).
   */
  verify(path: string, expected: VerifyExpectation): Promise<VerifyReport>;
  /** Renames a file, replacing `to` if it exists. Errors: `not_writable`, `path_missing`. */
  rename(from: string, to: string): Promise<void>;
  /** Deletes a file; a missing file is not an error. Errors: `not_writable`. */
  remove(path: string): Promise<void>;
  /** Closes the connection and frees the sockets; never throws, safe to repeat. */
  close(): Promise<void>;
}

export type UploaderFactory = (target: DeliveryTarget) => Uploader;

/** A file of the release directory, `/`-separated relative path. */
export interface LocalFile {
  path: string;
  size: number;
}

/** Reads the release directory on this machine; given to services so they never touch node:fs. */
export interface LocalFileReader {
  /** Every regular file below `dir` (recursively), or undefined when `dir` is not a folder. */
  list(dir: string): Promise<LocalFile[] | undefined>;
  /** Streams `path` from byte `offset` to its end. */
  open(path: string, offset: number): Readable;
}

/** Which operation failed — it tells the user where to look. */
export type DeliveryStep = 'connect' | 'mkdir' | 'stat' | 'upload' | 'verify' | 'rename' | 'remove';

type DeliveryCode = Extract<ErrorCode, `delivery.${string}`>;

/** Codes worth another attempt: the network or the server may be back in a moment. */
const RETRYABLE: ReadonlySet<DeliveryCode> = new Set<DeliveryCode>([
  'delivery.connection_refused',
  'delivery.connection_failed',
  'delivery.timeout',
  'delivery.transfer_failed',
  'delivery.verify_failed',
]);

export interface DeliveryErrorOptions {
  step: DeliveryStep;
  path?: string;
  /** The server's own reply, e.g. `553 Could not create file.` */
  serverReply?: string;
  retryable?: boolean;
  cause?: unknown;
  details?: Record<string, unknown>;
}

export class DeliveryError extends AppError {
  readonly step: DeliveryStep;
  readonly path: string | undefined;
  readonly serverReply: string | undefined;

  constructor(code: DeliveryCode, message: string, options: DeliveryErrorOptions) {
    super(code, message, {
      cause: options.cause,
      retryable: options.retryable ?? RETRYABLE.has(code),
      details: {
        step: options.step,
        ...(options.path === undefined ? {} : { path: options.path }),
        ...(options.serverReply === undefined ? {} : { serverReply: options.serverReply }),
        ...options.details,
      },
    });
    this.name = 'DeliveryError';
    this.step = options.step;
    this.path = options.path;
    this.serverReply = options.serverReply;
  }
}

// The room's pure planning is part of its public surface: services order uploads and recognise
// releases with it, and may only import this file.
export { checkRelease, orderForUpload, type ReleaseCheck } from './plan.js';
