/**
 * A stored destination as the uploaders want it: secrets decrypted here (adapters never see
 * ciphertext), and the one setting we cannot honour refused instead of silently ignored.
 */
import type { Destination } from '../../domain/entities.js';
import type { DeliveryTarget } from '../../delivery/ports.js';
import { AppError } from '../../shared/errors.js';

/** `SecretBox.decrypt`, or any function that turns a stored secret into plain text. */
export type Decrypt = (sealed: string) => string;

function open(sealed: string | null, decrypt: Decrypt): string | undefined {
  return sealed === null || sealed === '' ? undefined : decrypt(sealed);
}

export function targetFromDestination(destination: Destination, decrypt: Decrypt): DeliveryTarget {
  if (!destination.passive && destination.protocol !== 'sftp') {
    // basic-ftp has no active mode, and active FTP rarely crosses NAT anyway.
    throw new AppError('validation.failed', 'Active FTP mode is not supported: use passive mode', {
      details: { issues: [{ path: 'passive', message: 'active mode is not supported' }] },
    });
  }
  const password = open(destination.passwordEnc, decrypt);
  const privateKey = open(destination.privateKeyEnc, decrypt);
  const passphrase = open(destination.passphraseEnc, decrypt);
  return {
    protocol: destination.protocol,
    host: destination.host,
    port: destination.port,
    username: destination.username,
    ...(password === undefined ? {} : { password }),
    ...(privateKey === undefined ? {} : { privateKey }),
    ...(passphrase === undefined ? {} : { passphrase }),
    ...(destination.hostKeyFingerprint === null
      ? {}
      : { hostKeyFingerprint: destination.hostKeyFingerprint }),
    ...(destination.tlsFingerprint === null ? {} : { tlsFingerprint: destination.tlsFingerprint }),
    remotePath: destination.remotePath,
    // 0 means "the protocol's default" (30 s FTP, 60 s SFTP).
    ...(destination.timeoutMs > 0 ? { timeoutMs: destination.timeoutMs } : {}),
  };
}
