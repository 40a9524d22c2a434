/** Password hashing with argon2id (OWASP's recommended parameters for argon2id). */
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../shared/errors.js';

const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing in particular, verified against when the user does not exist (same timing). */
let decoyHash: Promise<string> | undefined;
export function decoy(): Promise<string> {
  decoyHash ??= hashPassword('decoy password that never matches');
  return decoyHash;
}

export function assertPasswordStrength(password: string, username?: string): void {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push(`at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push(`at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  if (password.toLowerCase() === username?.toLowerCase()) {
    problems.push('different from the user name');
  }
  if (problems.length > 0) {
    throw new AppError('auth.weak_password', `The password must be ${problems.join(' and ')}`, {
      details: { minLength: PASSWORD_MIN_LENGTH },
    });
  }
}
