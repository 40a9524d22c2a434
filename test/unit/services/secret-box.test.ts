import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, parseSecretKey } from '../../../src/services/secret-box.js';
import { AppError } from '../../../src/shared/errors.js';

const key = randomBytes(32);

describe('secret box (AES-256-GCM)', () => {
  it('round-trips text, including unicode and empty strings', () => {
    const box = createSecretBox(key);
    for (const plain of ['hunter2', '', 'mot de passe é ü 🔐', 'x'.repeat(10_000)]) {
      const sealed = box.encrypt(plain);
      expect(sealed.startsWith('enc:v1:')).toBe(true);
      expect(sealed).not.toContain(plain === '' ? 'never' : plain);
      expect(box.decrypt(sealed)).toBe(plain);
    }
  });

  it('uses a fresh nonce each time', () => {
    const box = createSecretBox(key);
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'));
  });

  it('refuses a wrong key with secrets.wrong_key, never garbage', () => {
    const sealed = createSecretBox(key).encrypt('hunter2');
    expect(() => createSecretBox(randomBytes(32)).decrypt(sealed)).toThrow(
      expect.objectContaining({ code: 'secrets.wrong_key' }) as Error,
    );
  });

  it('refuses tampered or malformed ciphertext', () => {
    const box = createSecretBox(key);
    const sealed = box.encrypt('hunter2');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => box.decrypt(tampered)).toThrow(AppError);
    expect(() => box.decrypt('plain text')).toThrow(AppError);
  });

  it('reads keys as 64 hex digits or base64 of 32 bytes and refuses anything else', () => {
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(() => parseSecretKey('too-short')).toThrow(
      expect.objectContaining({ code: 'secrets.key_invalid' }) as Error,
    );
  });
});
