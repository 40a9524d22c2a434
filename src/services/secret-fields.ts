/**
 * The rules for secret fields in requests and responses: responses show `********` when a value
 * is stored and null when not; a request sending `********` keeps the stored value, null clears
 * it, any other string replaces it (encrypted before it reaches the database).
 */
import { SECRET_MASK } from '../shared/logger.js';
import type { SecretBox } from './secret-box.js';

export function maskSecret(stored: string | null): string | null {
  return stored === null ? null : SECRET_MASK;
}

/** The ciphertext to store for a field given what the client sent. */
export function nextSecret(
  box: SecretBox,
  stored: string | null,
  sent: string | null | undefined,
): string | null {
  if (sent === undefined || sent === SECRET_MASK) {
    return stored;
  }
  if (sent === null || sent === '') {
    return null;
  }
  return box.encrypt(sent);
}

export function openSecret(box: SecretBox, stored: string | null): string | null {
  return stored === null ? null : box.decrypt(stored);
}
