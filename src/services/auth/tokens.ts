/** Opaque tokens (refresh and personal API tokens): random, shown once, stored only as SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

export function newOpaqueToken(prefix?: string): string {
  const body = randomBytes(32).toString('base64url');
  return prefix === undefined ? body : `${prefix}_${body}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
