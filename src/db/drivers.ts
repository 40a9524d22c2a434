/**
 * One Kysely instance per dialect, configured so that all three return the same JavaScript
 * values: BIGINT as `number` (pg's int8 parser is set on this pool only, not globally), text as
 * utf8mb4 with a binary collation on MySQL, foreign keys enforced on SQLite.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CamelCasePlugin,
  CompiledQuery,
  Kysely,
  MysqlDialect,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import { createPool } from 'mysql2';
import pg from 'pg';
import { AppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { DatabaseConfig } from './dialect.js';
import type { DB } from './tables.js';

const POOL_SIZE = 10;
const CONNECT_TIMEOUT_MS = 10_000;
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export function createKysely(config: DatabaseConfig, logger: Logger): Kysely<DB> {
  return new Kysely<DB>({ dialect: dialectFor(config, logger), plugins: [new CamelCasePlugin()] });
}

function dialectFor(config: DatabaseConfig, logger: Logger): Dialect {
  switch (config.dialect) {
    case 'sqlite':
      return new ImmediateSqliteDialect({
        database: () => Promise.resolve(openSqlite(config.url)),
      });
    case 'mysql':
      return mysqlDialect(config.url);
    case 'postgres':
      return postgresDialect(config.url, logger);
  }
}

/**
 * SQLite has one writer. `BEGIN IMMEDIATE` takes the write lock when a transaction starts, so a
 * transaction that reads and then writes never fails half-way with SQLITE_BUSY because another
 * process wrote in between; waiting for the lock is bounded by `busy_timeout`.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

function openSqlite(path: string): BetterSqlite3.Database {
  try {
    if (path !== ':memory:') {
      mkdirSync(dirname(path), { recursive: true });
    }
    const sqlite = new BetterSqlite3(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    sqlite.pragma('synchronous = NORMAL');
    return sqlite;
  } catch (error) {
    throw new AppError('db.unavailable', `Cannot open the SQLite database ${path}`, {
      retryable: true,
      cause: error,
    });
  }
}

function mysqlDialect(url: string): Dialect {
  return new MysqlDialect({
    pool: createPool({
      uri: url,
      // A binary collation on the connection too, so literals compare like the columns.
      charset: 'UTF8MB4_BIN',
      connectionLimit: POOL_SIZE,
      connectTimeout: CONNECT_TIMEOUT_MS,
      // BIGINT as number (strings only beyond 2^53, which ms timestamps never reach); SUM() too.
      supportBigNumbers: true,
      bigNumberStrings: false,
      decimalNumbers: true,
    }),
    onCreateConnection: async (connection) => {
      // Strict mode everywhere: a value that does not fit is an error, never silently cut.
      await connection.executeQuery(
        CompiledQuery.raw("set session sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION'"),
      );
    },
  });
}

function postgresDialect(url: string, logger: Logger): Dialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: { getTypeParser: int8AsNumber },
  });
  // An idle client that loses its server emits here; without a listener the process would exit.
  pool.on('error', (error) => {
    logger.warn({ err: error }, 'an idle PostgreSQL connection failed');
  });
  return new PostgresDialect({ pool });
}

/** int8 (COUNT, BIGINT columns) as number on this pool; every other type keeps pg's parser. */
function int8AsNumber(
  ...[oid, format]: Parameters<typeof pg.types.getTypeParser>
): (value: string) => unknown {
  if (oid === pg.types.builtins.INT8 && format !== 'binary') {
    return Number;
  }
  return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
}
