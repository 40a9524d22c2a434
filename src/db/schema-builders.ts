/**
 * The column types and table options the migrations share, so that every table uses the one
 * representation described in `tables.ts` on all three dialects.
 *
 * Migrations are history: once a migration has shipped, what these helpers emit for it must not
 * change. Add a new helper rather than changing an existing one.
 */
import {
  sql,
  type ColumnDataType,
  type CreateTableBuilder,
  type Expression,
  type Kysely,
} from 'kysely';
import { dialectOf } from './dialect.js';

type DataType = ColumnDataType | Expression<unknown>;

interface ColumnTypes {
  /**
   * Caller-chosen UUIDs. As a primary key, also declare it `notNull()`: SQLite, for historical
   * reasons, accepts NULL in a primary key that is not an INTEGER rowid.
   */
  id: DataType;
  /** Epoch milliseconds. */
  millis: DataType;
  /** Booleans as 0/1. */
  flag: DataType;
  /** `JSON.stringify` output; MySQL's `text` stops at 64 KiB. */
  json: DataType;
  /** Free text that may outgrow 64 KiB (templates, log lines, error messages). */
  longText: DataType;
}

export function columnTypes(db: Kysely<unknown>): ColumnTypes {
  const mysql = dialectOf(db) === 'mysql';
  return {
    id: 'varchar(36)',
    millis: 'bigint',
    flag: 'integer',
    json: mysql ? sql`longtext` : 'text',
    longText: mysql ? sql`mediumtext` : 'text',
  };
}

/**
 * `CREATE TABLE` with the options MySQL needs: InnoDB (foreign keys), utf8mb4 (emoji) and a
 * binary collation, so comparisons and unique keys are case- and accent-sensitive as they are
 * on SQLite and PostgreSQL — whatever the server's default collation is.
 */
export function createTable(db: Kysely<unknown>, name: string): CreateTableBuilder<string> {
  const builder = db.schema.createTable(name);
  return dialectOf(db) === 'mysql'
    ? builder.modifyEnd(sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin`)
    : builder;
}

/** An auto-increment 64-bit primary key `id` (used where insertion order matters). */
export function addSerialId<T extends string>(
  db: Kysely<unknown>,
  builder: CreateTableBuilder<T>,
): CreateTableBuilder<T, 'id'> {
  switch (dialectOf(db)) {
    case 'postgres':
      return builder.addColumn('id', 'bigserial', (col) => col.primaryKey());
    case 'mysql':
      return builder.addColumn('id', 'bigint', (col) => col.primaryKey().autoIncrement());
    case 'sqlite':
      // Only the exact type INTEGER makes the column SQLite's rowid alias.
      return builder.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
  }
}
