/**
 * What FTP servers answer, read into decisions: passive addresses, checksum replies and the
 * error code a reply means. Pure functions, so they are tested on recorded replies.
 */
import { DeliveryError, type DeliveryStep } from '../ports.js';

/** Port of a `229 Entering Extended Passive Mode (|||6446|)` reply (any delimiter). */
export function parseEpsvReply(message: string): number | undefined {
  const match = /\((.)\1\1(\d{1,5})\1\)/.exec(message);
  const port = match?.[2] === undefined ? Number.NaN : Number(match[2]);
  return Number.isInteger(port) && port > 0 && port < 65_536 ? port : undefined;
}

/** Host and port of a `227 Entering Passive Mode (h1,h2,h3,h4,p1,p2)` reply. */
export function parsePasvReply(message: string): { host: string; port: number } | undefined {
  const match = /(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3})/.exec(message);
  if (match === null) {
    return undefined;
  }
  const numbers = match.slice(1).map(Number);
  if (numbers.some((value) => value > 255)) {
    return undefined;
  }
  const [a, b, c, d, high, low] = numbers as [number, number, number, number, number, number];
  return { host: `${String(a)}.${String(b)}.${String(c)}.${String(d)}`, port: high * 256 + low };
}

/** Addresses that cannot be reached from outside their own network (RFC 1918, loopback, …). */
export function isUnroutableIPv4(address: string): boolean {
  const parts = address
    .replace(/^::ffff:/, '')
    .split('.')
    .map(Number);
  if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part))) {
    return false;
  }
  const [a, b] = parts as [number, number];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

/**
 * Where to open a PASV data connection. A server behind NAT often announces its private address,
 * which the client cannot reach: then the control connection's host is the right one (what
 * FileZilla does). A different public address is kept — the server may use a separate data host.
 */
export function passiveHost(announced: string, controlHost: string): string {
  if (announced === controlHost.replace(/^::ffff:/, '')) {
    return announced;
  }
  return isUnroutableIPv4(announced) ? controlHost : announced;
}

/** CRC-32 from an `XCRC` reply (`250 1A2B3C4D`) or a `HASH` reply (`213 CRC32 0-99 1a2b3c4d f`). */
export function parseCrcReply(message: string): number | undefined {
  const hash = /^213 CRC32 \S+ ([0-9a-f]{1,8})\b/i.exec(message);
  const xcrc = /^25\d\s+([0-9a-f]{8})\b/i.exec(message);
  const hex = hash?.[1] ?? xcrc?.[1];
  return hex === undefined ? undefined : Number.parseInt(hex, 16);
}

/** The checksum commands a FEAT listing offers, as the service asks for them. */
export function checksumFeatures(features: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  if (features.has('XCRC')) {
    found.push('XCRC');
  }
  if (/CRC32/i.test(features.get('HASH') ?? '')) {
    found.push('HASH');
  }
  return found;
}

interface Where {
  step: DeliveryStep;
  path?: string;
}

const QUOTA_WORDS = /quota|disk full|no space|storage|exceeded|failure writing/i;
const TLS_WORDS = /\b(TLS|SSL)\b|encrypt|secure/i;

/**
 * The error a negative FTP reply means. 550/553 are ambiguous (missing folder or no permission)
 * and are resolved by the caller, which can look; here they read as "not writable".
 */
export function mapFtpReply(code: number, message: string, where: Where): DeliveryError {
  const reply = message.trim();
  const options = { ...where, serverReply: reply };
  if (code === 530 && TLS_WORDS.test(reply)) {
    return new DeliveryError('delivery.tls_failed', `The server requires TLS: ${reply}`, options);
  }
  if (code === 530 || code === 331 || code === 332) {
    return new DeliveryError('delivery.auth_failed', `Login refused: ${reply}`, options);
  }
  if (code === 522 || code === 534 || code === 431) {
    return new DeliveryError('delivery.tls_failed', `TLS refused by the server: ${reply}`, options);
  }
  if (code === 452 || code === 552 || (code === 451 && QUOTA_WORDS.test(reply))) {
    return new DeliveryError('delivery.quota_exceeded', `No space left: ${reply}`, options);
  }
  if (code === 421) {
    return new DeliveryError('delivery.connection_failed', `The server hung up: ${reply}`, options);
  }
  if (code === 550 || code === 553 || code === 532) {
    return new DeliveryError('delivery.not_writable', `Refused: ${reply}`, options);
  }
  return new DeliveryError('delivery.transfer_failed', `The server answered: ${reply}`, {
    ...options,
    retryable: code >= 400 && code < 500,
  });
}
