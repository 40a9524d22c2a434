/**
 * The provider metadata cache and the audit log. The audit log has no foreign key on purpose:
 * it is a record of what happened, so it keeps the id of a user who was deleted since.
 */
import type { Kysely } from 'kysely';
import { columnTypes, createTable } from '../schema-builders.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await createTable(db, 'metadata_cache')
    .addColumn('key', 'varchar(255)', (c) => c.primaryKey().notNull())
    .addColumn('provider', 'varchar(32)', (c) => c.notNull())
    .addColumn('value', t.json, (c) => c.notNull())
    .addColumn('created_at', t.millis, (c) => c.notNull())
    .addColumn('expires_at', t.millis, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('metadata_cache_expires_at_idx')
    .on('metadata_cache')
    .columns(['expires_at'])
    .execute();

  await createTable(db, 'audit_log')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('user_id', t.id)
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('resource_type', 'varchar(64)', (c) => c.notNull())
    .addColumn('resource_id', 'varchar(255)')
    .addColumn('details', t.json, (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('created_at', t.millis, (c) => c.notNull())
    .execute();
  for (const [name, columns] of [
    ['created_at', ['created_at']],
    ['user_created', ['user_id', 'created_at']],
    ['resource_created', ['resource_type', 'created_at']],
  ] as const) {
    await db.schema
      .createIndex(`audit_log_${name}_idx`)
      .on('audit_log')
      .columns([...columns])
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('metadata_cache').execute();
}
