/**
 * Which SQL dialect a Kysely instance (or transaction) talks to. Repositories receive only the
 * instance, so they ask its adapter instead of taking a second parameter.
 */
import { MysqlAdapter, PostgresAdapter, SqliteAdapter, type Kysely } from 'kysely';

export type SqlDialect = 'sqlite' | 'mysql' | 'postgres';

/**
 * Where the database is. The same shape as `DatabaseConfig` in `config/schema.ts`, which main
 * passes straight in; it is restated here because the db room does not import config.
 */
export interface DatabaseConfig {
  dialect: SqlDialect;
  /** A file path for SQLite (or `:memory:`), a connection URL for the others. */
  url: string;
}

export function dialectOf<T>(db: Kysely<T>): SqlDialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) {
    return 'sqlite';
  }
  if (adapter instanceof MysqlAdapter) {
    return 'mysql';
  }
  if (adapter instanceof PostgresAdapter) {
    return 'postgres';
  }
  throw new Error(`Unsupported Kysely adapter: ${adapter.constructor.name}`);
}
