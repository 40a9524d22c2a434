/** pino with secrets redacted wherever they could appear (headers, bodies, errors' details). */
import { pino, type Logger as PinoLogger } from 'pino';
import type { Config } from '../config/schema.js';

const SECRET_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  'apiKey',
  'pin',
  'token',
  'refreshToken',
  'privateKey',
  'passphrase',
  'secret',
  'authorization',
  'cookie',
];

const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS.map((field) => `*.${field}`),
  ...SECRET_FIELDS.map((field) => `*.*.${field}`),
];

export function createLogger(
  config: Pick<Config, 'log'>,
  destination?: NodeJS.WritableStream,
): PinoLogger {
  const options = {
    level: config.log.level,
    redact: { paths: REDACT_PATHS, censor: '********' },
    ...(config.log.pretty && destination === undefined
      ? { transport: { target: 'pino-pretty', options: { colorize: true } } }
      : {}),
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
