/**
 * Boot-time configuration: its shape, its defaults and its validation. Pure — `env.ts` feeds it
 * the environment. Runtime settings that admins edit (destinations, API keys, templates) live in
 * the database instead.
 */
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));
const seconds = z.coerce.number().int().positive();

/** Every variable the program reads, with its default. `.env.example` documents the same list. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(5000),
  SCENEPACKER_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  SCENEPACKER_SECRET_KEY: z.string().min(1).optional(),
  SCENEPACKER_JWT_SECRET: z.string().min(32).optional(),
  SCENEPACKER_ADMIN_USERNAME: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,64}$/)
    .default('admin'),
  SCENEPACKER_ADMIN_PASSWORD: z.string().min(10).max(256).optional(),
  SCENEPACKER_ALLOWED_ROOTS: z.string().default(''),
  SCENEPACKER_JOB_DRIVER: z.enum(['local', 'bullmq', 'inline']).default('local'),
  SCENEPACKER_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  REDIS_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.optional(),
  ACCESS_TOKEN_TTL_SECONDS: seconds.default(900),
  REFRESH_TOKEN_TTL_SECONDS: seconds.default(30 * 24 * 3600),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 1024 ** 3),
  API_TOKEN_PREFIX: z
    .string()
    .regex(/^[a-z]{2,8}$/)
    .default('spk'),
  SCENEPACKER_API_URL: z.url().optional(),
  SCENEPACKER_API_TOKEN: z.string().min(1).optional(),
});

export type EnvInput = z.input<typeof envSchema>;

export type DatabaseDialect = 'sqlite' | 'mysql' | 'postgres';

export interface DatabaseConfig {
  dialect: DatabaseDialect;
  /** A file path for SQLite (or `:memory:`), a connection URL for the others. */
  url: string;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseConfig;
  /** Base64 or hex AES-256 key; when absent, main reads or creates `<dataDir>/secret.key`. */
  secretKey: string | undefined;
  jwtSecret: string | undefined;
  admin: { username: string; password: string | undefined };
  /** Extra directories (besides the data dir) that paths may point into. */
  allowedRoots: string[];
  jobs: { driver: 'local' | 'bullmq' | 'inline'; concurrency: number };
  redisUrl: string | undefined;
  log: { level: string; pretty: boolean };
  auth: {
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    cookieSecure: boolean;
    loginRatePerMinute: number;
    apiTokenPrefix: string;
  };
  trustProxy: boolean;
  maxUploadBytes: number;
  /** Remote mode of the CLI: talk to a running server instead of the local database. */
  remote: { url: string; token: string } | undefined;
}
