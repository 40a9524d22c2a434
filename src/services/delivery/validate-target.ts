/**
 * Destination settings that cannot work are refused before any connection, with one issue per
 * field: an unreachable port, an empty user, a path escaping its folder with `..`, or characters
 * that would end an FTP command early (CR, LF, NUL).
 */
import { isIP } from 'node:net';
import { DESTINATION_PROTOCOLS } from '../../domain/enums.js';
import type { DeliveryTarget } from '../../delivery/ports.js';
import type { FieldIssue } from '../../shared/errors.js';

const HOSTNAME =
  /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const CONTROL = /[\r\n\0]/;
const SSH_FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}=?$/;
const TLS_FINGERPRINT = /^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/;

/** Problems with a path, remote or relative: empty, `..` segments, control characters. */
export function pathIssue(path: string): string | undefined {
  if (path.trim() === '') {
    return 'must not be empty';
  }
  if (CONTROL.test(path)) {
    return 'must not contain line breaks or NUL';
  }
  if (path.split(/[\\/]/).includes('..')) {
    return 'must not contain ".."';
  }
  return undefined;
}

function networkIssues(target: DeliveryTarget): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (isIP(target.host) === 0 && !HOSTNAME.test(target.host)) {
    issues.push({ path: 'host', message: 'must be a host name or an IP address' });
  }
  if (!Number.isInteger(target.port) || target.port < 1 || target.port > 65_535) {
    issues.push({ path: 'port', message: 'must be a whole number from 1 to 65535' });
  }
  if (target.username.trim() === '' || CONTROL.test(target.username)) {
    issues.push({ path: 'username', message: 'must not be empty' });
  }
  if (CONTROL.test(target.password ?? '')) {
    issues.push({ path: 'password', message: 'must not contain line breaks or NUL' });
  }
  return issues;
}

function credentialIssues(target: DeliveryTarget): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (target.protocol === 'sftp') {
    if ((target.password ?? '') === '' && (target.privateKey ?? '') === '') {
      issues.push({ path: 'password', message: 'SFTP needs a password or a private key' });
    }
    const pinned = target.hostKeyFingerprint;
    if (pinned !== undefined && pinned !== '' && !SSH_FINGERPRINT.test(pinned)) {
      issues.push({
        path: 'hostKeyFingerprint',
        message: 'must look like SHA256:<43 base64 characters>',
      });
    }
  }
  const tls = target.tlsFingerprint;
  if (tls !== undefined && tls !== '' && !TLS_FINGERPRINT.test(tls)) {
    issues.push({
      path: 'tlsFingerprint',
      message: 'must be a SHA-256 in hex (32 bytes, colons allowed)',
    });
  }
  return issues;
}

export function validateTarget(target: DeliveryTarget): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = [...DESTINATION_PROTOCOLS, 'local'] as readonly string[];
  if (!known.includes(target.protocol)) {
    return [{ path: 'protocol', message: `must be one of ${known.join(', ')}` }];
  }
  if (target.protocol !== 'local') {
    issues.push(...networkIssues(target), ...credentialIssues(target));
  }
  const remote = pathIssue(target.remotePath);
  if (remote !== undefined) {
    issues.push({ path: 'remotePath', message: remote });
  }
  const timeout = target.timeoutMs;
  if (
    timeout !== undefined &&
    (!Number.isInteger(timeout) || timeout < 1_000 || timeout > 600_000)
  ) {
    issues.push({ path: 'timeoutMs', message: 'must be from 1000 to 600000 ms' });
  }
  return issues;
}
