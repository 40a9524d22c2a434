/**
 * Secrets at rest: AES-256-GCM with a random 96-bit nonce per value. Stored form:
 * `enc:v1:<base64 nonce>:<base64 tag>:<base64 ciphertext>`. Authentication makes a wrong key or a
 * tampered value fail loudly (`secrets.wrong_key`) instead of decrypting to garbage.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../shared/errors.js';

export interface SecretBox {
  encrypt(plain: string): string;
  /** Throws `secrets.wrong_key` when the value was sealed with another key or altered. */
  decrypt(sealed: string): string;
}

const PREFIX = 'enc:v1:';

function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) {
    throw new AppError('secrets.key_invalid', 'The secret key must be 32 bytes');
  }
  return {
    encrypt(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [nonce, cipher.getAuthTag(), body].map((part) => part.toString('base64'));
      return PREFIX + parts.join(':');
    },
    decrypt(sealed) {
      const [nonce, tag, body] = splitSealed(sealed);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonce);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new AppError(
          'secrets.wrong_key',
          'A stored secret cannot be decrypted: the secret key is not the one it was encrypted with (or the value was altered)',
          { cause },
        );
      }
    },
  };
}

function splitSealed(sealed: string): [Buffer, Buffer, Buffer] {
  const parts = isSealed(sealed) ? sealed.slice(PREFIX.length).split(':') : [];
  if (parts.length !== 3) {
    throw new AppError('secrets.wrong_key', 'A stored secret is not in the encrypted format');
  }
  const [nonce, tag, body] = parts.map((part) => Buffer.from(part, 'base64')) as [
    Buffer,
    Buffer,
    Buffer,
  ];
  return [nonce, tag, body];
}

/** Accepts 64 hex digits or the base64 of 32 bytes (what `openssl rand -base64 32` prints). */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new AppError(
      'secrets.key_invalid',
      'SCENEPACKER_SECRET_KEY must be 32 bytes: 64 hex digits or base64 (openssl rand -base64 32)',
    );
  }
  return key;
}
