/**
 * The only reader of the environment. `loadConfig()` validates every variable at once and throws
 * one `config.invalid` error listing every problem; nothing reads configuration at import time.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { readFileSync } from 'node:fs';
import { AppError } from '../shared/errors.js';
import { envSchema, type Config, type DatabaseConfig } from './schema.js';

type EnvRecord = Record<string, string | undefined>;

/** Reads `.env` from the working directory when present; real environment variables win. */
function readEnvironment(cwd = process.cwd()): EnvRecord {
  const file = resolve(cwd, '.env');
  const fromFile = existsSync(file) ? parseDotenv(readFileSync(file)) : {};
  return { ...fromFile, ...process.env };
}

export function loadConfig(env: EnvRecord = readEnvironment()): Config {
  const parsed = envSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new AppError('config.invalid', `Invalid configuration:\n  ${problems.join('\n  ')}`, {
      details: { problems },
    });
  }
  const e = parsed.data;
  const dataDir = resolve(e.SCENEPACKER_DATA_DIR);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    database: databaseFromUrl(e.DATABASE_URL, dataDir),
    secretKey: e.SCENEPACKER_SECRET_KEY,
    jwtSecret: e.SCENEPACKER_JWT_SECRET,
    admin: { username: e.SCENEPACKER_ADMIN_USERNAME, password: e.SCENEPACKER_ADMIN_PASSWORD },
    allowedRoots: splitList(e.SCENEPACKER_ALLOWED_ROOTS).map((root) => resolve(root)),
    jobs: { driver: e.SCENEPACKER_JOB_DRIVER, concurrency: e.SCENEPACKER_JOB_CONCURRENCY },
    redisUrl: e.REDIS_URL,
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY ?? e.NODE_ENV === 'development' },
    auth: {
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: e.REFRESH_TOKEN_TTL_SECONDS,
      cookieSecure: e.COOKIE_SECURE ?? false,
      loginRatePerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
      apiTokenPrefix: e.API_TOKEN_PREFIX,
    },
    trustProxy: e.TRUST_PROXY,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    remote:
      e.SCENEPACKER_API_URL && e.SCENEPACKER_API_TOKEN
        ? { url: e.SCENEPACKER_API_URL, token: e.SCENEPACKER_API_TOKEN }
        : undefined,
  };
}

/** `sqlite:relative/or/absolute.db`, `file:…`, `mysql://…`, `mariadb://…`, `postgres(ql)://…`. */
export function databaseFromUrl(url: string | undefined, dataDir: string): DatabaseConfig {
  if (url === undefined) {
    return { dialect: 'sqlite', url: resolve(dataDir, 'scenepacker.db') };
  }
  if (/^(mysql|mariadb):\/\//.test(url)) {
    return { dialect: 'mysql', url: url.replace(/^mariadb:/, 'mysql:') };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    return { dialect: 'postgres', url };
  }
  const path = url.replace(/^(sqlite|file):(\/\/)?/, '');
  return { dialect: 'sqlite', url: path === ':memory:' ? path : resolve(path) };
}

function splitList(value: string): string[] {
  return value
    .split(/[,:;]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** An empty variable (`FOO=`) means "not set", as users expect from `.env` files. */
function stripEmpty(env: EnvRecord): EnvRecord {
  return Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
}
