/**
 * A dialect's schema as plain, sorted JSON: Kysely's introspection for tables and columns, plus
 * each server's catalogue for indexes and foreign keys (which Kysely does not introspect). The
 * migration tests compare it with `test/fixtures/schema.<dialect>.json`.
 */
import { sql, type Kysely } from 'kysely';
import type { SqlDialect } from '../../../src/db/dialect.js';

interface SchemaSnapshot {
  tables: Record<string, Record<string, string>>;
  /** What Kysely's introspection leaves out on the servers: lengths and MySQL collations. */
  columnTypes: string[];
  indexes: string[];
  foreignKeys: string[];
}

export async function snapshotSchema<T>(
  typed: Kysely<T>,
  dialect: SqlDialect,
): Promise<SchemaSnapshot> {
  // Raw catalogue queries with snake_case names: no CamelCasePlugin, no table types.
  const db = typed.withoutPlugins() as unknown as Kysely<unknown>;
  return {
    tables: await tablesOf(db),
    columnTypes: (await columnTypesOf(db, dialect)).sort(),
    indexes: (await indexesOf(db, dialect)).sort(),
    foreignKeys: (await foreignKeysOf(db, dialect)).sort(),
  };
}

/** `{ table: { column: "type null? auto? default?" } }`, names sorted. */
async function tablesOf(db: Kysely<unknown>): Promise<SchemaSnapshot['tables']> {
  const tables = await db.introspection.getTables();
  const out: SchemaSnapshot['tables'] = {};
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) {
    const columns: Record<string, string> = {};
    for (const c of [...table.columns].sort((a, b) => a.name.localeCompare(b.name))) {
      columns[c.name] = [
        c.dataType,
        c.isNullable ? 'null' : 'not null',
        c.isAutoIncrementing ? 'auto' : '',
        c.hasDefaultValue ? 'default' : '',
      ]
        .filter(Boolean)
        .join(' ');
    }
    out[table.name] = columns;
  }
  return out;
}

async function rows<T>(db: Kysely<unknown>, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

async function columnTypesOf(db: Kysely<unknown>, dialect: SqlDialect): Promise<string[]> {
  switch (dialect) {
    case 'sqlite':
      // SQLite keeps the declared type, which the table section already shows.
      return [];
    case 'mysql':
      return rows<{ line: string }>(
        db,
        sql`select concat(table_name, '.', column_name, ': ', column_type,
                 coalesce(concat(' ', collation_name), '')) as line
            from information_schema.columns
            where table_schema = database() and table_name not like 'kysely_%'`,
      ).then((r) => r.map((x) => x.line));
    case 'postgres':
      return rows<{ line: string }>(
        db,
        sql`select table_name || '.' || column_name || ': '
              || format_type(a.atttypid, a.atttypmod) as line
            from information_schema.columns c
            join pg_attribute a on a.attrelid = (c.table_schema || '.' || c.table_name)::regclass
              and a.attname = c.column_name
            where c.table_schema = current_schema() and c.table_name not like 'kysely_%'`,
      ).then((r) => r.map((x) => x.line));
  }
}

async function indexesOf(db: Kysely<unknown>, dialect: SqlDialect): Promise<string[]> {
  switch (dialect) {
    case 'sqlite':
      return rows<{ line: string }>(
        db,
        sql`select m.name || ': ' || il.name || case when il."unique" then ' unique' else '' end
              || ' (' || (select group_concat(ii.name, ', ') from pragma_index_info(il.name) ii)
              || ')' as line
            from sqlite_master m, pragma_index_list(m.name) il
            where m.type = 'table' and m.name not like 'kysely_%'`,
      ).then((r) => r.map((x) => x.line));
    case 'mysql':
      return rows<{ line: string }>(
        db,
        sql`select concat(table_name, ': ', index_name, if(non_unique = 0, ' unique', ''),
                 ' (', group_concat(column_name order by seq_in_index separator ', '), ')') as line
            from information_schema.statistics
            where table_schema = database() and table_name not like 'kysely_%'
            group by table_name, index_name, non_unique`,
      ).then((r) => r.map((x) => x.line));
    case 'postgres':
      return rows<{ line: string }>(
        db,
        sql`select tablename || ': ' || indexdef as line from pg_indexes
            where schemaname = current_schema() and tablename not like 'kysely_%'`,
      ).then((r) => r.map((x) => x.line));
  }
}

async function foreignKeysOf(db: Kysely<unknown>, dialect: SqlDialect): Promise<string[]> {
  switch (dialect) {
    case 'sqlite':
      return rows<{ line: string }>(
        db,
        sql`select m.name || '.' || fk."from" || ' -> ' || fk."table" || '.' || fk."to"
              || ' on delete ' || lower(fk.on_delete) as line
            from sqlite_master m, pragma_foreign_key_list(m.name) fk
            where m.type = 'table'`,
      ).then((r) => r.map((x) => x.line));
    case 'mysql':
      return rows<{ line: string }>(
        db,
        sql`select concat(k.table_name, '.', k.column_name, ' -> ', k.referenced_table_name, '.',
                 k.referenced_column_name, ' on delete ', lower(r.delete_rule),
                 ' (', k.constraint_name, ')') as line
            from information_schema.key_column_usage k
            join information_schema.referential_constraints r
              on r.constraint_schema = k.constraint_schema and r.constraint_name = k.constraint_name
            where k.table_schema = database()`,
      ).then((r) => r.map((x) => x.line));
    case 'postgres':
      return rows<{ line: string }>(
        db,
        sql`select conrelid::regclass::text || ': ' || conname || ' ' || pg_get_constraintdef(oid)
              as line
            from pg_constraint
            where connamespace = current_schema()::regnamespace and contype in ('f', 'u', 'p')`,
      ).then((r) => r.map((x) => x.line));
  }
}
