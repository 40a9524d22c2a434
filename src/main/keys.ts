/**
 * The secret key (AES-256 for secrets at rest) and the JWT signing secret: from the environment,
 * else from files in the data dir, created on first start with mode 0600. A stable key matters:
 * a new key per start would make every stored secret unreadable.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { parseSecretKey } from '../services/secret-box.js';
import type { Config } from '../config/schema.js';

function secretKeyFile(config: Config): string {
  return join(config.dataDir, 'secret.key');
}

function readOrCreate(file: string, create: () => string): string {
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o077) !== 0) {
      chmodSync(file, 0o600);
    }
    return readFileSync(file, 'utf8').trim();
  }
  mkdirSync(dirname(file), { recursive: true });
  const value = create();
  writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return value;
}

export function loadSecretKey(config: Config): Buffer {
  if (config.secretKey !== undefined) {
    return parseSecretKey(config.secretKey);
  }
  return parseSecretKey(
    readOrCreate(secretKeyFile(config), () => randomBytes(32).toString('base64')),
  );
}

export function loadJwtSecret(config: Config): string {
  return (
    config.jwtSecret ??
    readOrCreate(join(config.dataDir, 'jwt.key'), () => randomBytes(48).toString('base64url'))
  );
}

/** Writes a new key file beside the old one; `commitKeyFile` moves it into place after the re-encryption committed. */
export function stageNewKeyFile(config: Config, key: Buffer): string {
  const staged = `${secretKeyFile(config)}.new`;
  writeFileSync(staged, `${key.toString('base64')}\n`, { mode: 0o600 });
  return staged;
}

export function commitKeyFile(config: Config, staged: string): void {
  renameSync(staged, secretKeyFile(config));
}
