/**
 * Turns what sockets, TLS and the file system throw into `DeliveryError`s with a code a user can
 * act on. Adapters map their protocol's own replies first and fall back to these.
 */
import { AppError } from '../shared/errors.js';
import { DeliveryError, type DeliveryStep } from './ports.js';

interface Where {
  step: DeliveryStep;
  path?: string;
  host?: string;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
const DROP_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** True for errors raised by OpenSSL or Node's TLS layer. */
function isTlsError(error: unknown): boolean {
  const code = errnoOf(error) ?? '';
  return (
    code.startsWith('ERR_SSL') ||
    code.startsWith('ERR_TLS') ||
    /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code) ||
    /\b(SSL|TLS)\b|certificate/i.test(messageOf(error))
  );
}

/** The error a cancelled operation reports. */
export function cancelled(where: Where): DeliveryError {
  return new DeliveryError('delivery.cancelled', 'The delivery was cancelled', {
    ...where,
    retryable: false,
  });
}

/**
 * Network-level failures, whatever the protocol. Returns undefined for errors it does not know,
 * so the caller can decide (usually `transfer_failed` or `connection_failed`).
 */
export function mapNetworkError(error: unknown, where: Where): DeliveryError | undefined {
  const code = errnoOf(error);
  const host = where.host ?? 'the server';
  const reason = messageOf(error);
  if (code !== undefined && DNS_CODES.has(code)) {
    return new DeliveryError('delivery.dns_failed', `The host name ${host} does not resolve`, {
      ...where,
      cause: error,
      retryable: code === 'EAI_AGAIN',
      details: { reason },
    });
  }
  if (code === 'ECONNREFUSED') {
    return new DeliveryError('delivery.connection_refused', `${host} refused the connection`, {
      ...where,
      cause: error,
      details: { reason },
    });
  }
  if (code === 'ETIMEDOUT' || /time(d)? ?out/i.test(reason)) {
    return new DeliveryError('delivery.timeout', `${host} did not answer in time`, {
      ...where,
      cause: error,
      details: { reason },
    });
  }
  if (isTlsError(error)) {
    return new DeliveryError('delivery.tls_failed', `The TLS handshake failed: ${reason}`, {
      ...where,
      cause: error,
      details: { reason },
    });
  }
  if (
    (code !== undefined && DROP_CODES.has(code)) ||
    /closed|FIN packet|socket hang up/i.test(reason)
  ) {
    return new DeliveryError(
      where.step === 'upload' ? 'delivery.transfer_failed' : 'delivery.connection_failed',
      `The connection to ${host} was lost: ${reason}`,
      { ...where, cause: error, details: { reason } },
    );
  }
  return undefined;
}

/** Local file-system errors of the folder uploader. */
export function mapFsError(error: unknown, where: Where): DeliveryError | undefined {
  const code = errnoOf(error);
  const path = where.path ?? 'the folder';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new DeliveryError('delivery.not_writable', `Permission denied on ${path}`, {
      ...where,
      cause: error,
    });
  }
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') {
    return new DeliveryError('delivery.quota_exceeded', `No space left for ${path}`, {
      ...where,
      cause: error,
    });
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new DeliveryError('delivery.path_missing', `${path} does not exist`, {
      ...where,
      cause: error,
    });
  }
  return undefined;
}

/** Keeps our own errors (and the source stream's) as they are; maps the rest. */
export function toDeliveryError(
  error: unknown,
  where: Where,
  map: (error: unknown, where: Where) => DeliveryError | undefined,
): AppError {
  if (error instanceof AppError) {
    return error;
  }
  return (
    map(error, where) ??
    new DeliveryError(
      where.step === 'upload' ? 'delivery.transfer_failed' : 'delivery.connection_failed',
      `${where.step} failed: ${messageOf(error)}`,
      { ...where, cause: error },
    )
  );
}

export { messageOf };
