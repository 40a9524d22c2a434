/**
 * Settings that users and admins edit: preferences, path rules, templates, destinations and
 * provider API configurations. Rows owned by a user go with the user (cascade); a template
 * outlives its author (`created_by` is set to NULL).
 *
 * `owner_key` (user id, or '' for global rows) carries the "one row per owner" unique keys,
 * because a unique key over the nullable `user_id` would let duplicate global rows in.
 */
import type { Kysely } from 'kysely';
import { columnTypes, createTable } from '../schema-builders.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createPreferences(db);
  await createPathRules(db);
  await createTemplates(db);
  await createDestinations(db);
  await createApiConfigs(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['api_configs', 'destinations', 'templates', 'path_rules', 'preferences']) {
    await db.schema.dropTable(table).execute();
  }
}

async function createPreferences(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await createTable(db, 'preferences')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('scope', 'varchar(16)', (c) => c.notNull())
    .addColumn('user_id', t.id)
    .addColumn('owner_key', t.id, (c) => c.notNull())
    .addColumn('key', 'varchar(191)', (c) => c.notNull())
    .addColumn('value', t.json, (c) => c.notNull())
    .addColumn('created_at', t.millis, (c) => c.notNull())
    .addColumn('updated_at', t.millis, (c) => c.notNull())
    .addUniqueConstraint('preferences_owner_unique', ['scope', 'owner_key', 'key'])
    .addForeignKeyConstraint('preferences_user_id_fk', ['user_id'], 'users', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('preferences_user_id_idx')
    .on('preferences')
    .columns(['user_id'])
    .execute();
}

async function createPathRules(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await createTable(db, 'path_rules')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('scope', 'varchar(16)', (c) => c.notNull())
    .addColumn('user_id', t.id)
    .addColumn('owner_key', t.id, (c) => c.notNull())
    .addColumn('group_name', 'varchar(64)', (c) => c.notNull())
    .addColumn('release_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('output_dir', 'text', (c) => c.notNull())
    .addColumn('input_dir', 'text')
    .addColumn('created_at', t.millis, (c) => c.notNull())
    .addColumn('updated_at', t.millis, (c) => c.notNull())
    .addUniqueConstraint('path_rules_owner_unique', [
      'scope',
      'owner_key',
      'group_name',
      'release_type',
    ])
    .addForeignKeyConstraint('path_rules_user_id_fk', ['user_id'], 'users', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('path_rules_user_id_idx')
    .on('path_rules')
    .columns(['user_id'])
    .execute();
}

async function createTemplates(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await createTable(db, 'templates')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('name', 'varchar(128)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('release_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('content', t.longText, (c) => c.notNull())
    .addColumn('is_default', t.flag, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.millis, (c) => c.notNull())
    .addColumn('updated_at', t.millis, (c) => c.notNull())
    .addUniqueConstraint('templates_name_unique', ['kind', 'release_type', 'name'])
    .addForeignKeyConstraint('templates_created_by_fk', ['created_by'], 'users', ['id'], (fk) =>
      fk.onDelete('set null'),
    )
    .execute();
  await db.schema
    .createIndex('templates_created_at_idx')
    .on('templates')
    .columns(['created_at'])
    .execute();
}

async function createDestinations(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await createTable(db, 'destinations')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('user_id', t.id, (c) => c.notNull())
    .addColumn('name', 'varchar(128)', (c) => c.notNull())
    .addColumn('protocol', 'varchar(16)', (c) => c.notNull())
    .addColumn('host', 'varchar(255)', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('username', 'varchar(255)', (c) => c.notNull())
    .addColumn('password_enc', 'text')
    .addColumn('private_key_enc', 'text')
    .addColumn('passphrase_enc', 'text')
    .addColumn('host_key_fingerprint', 'varchar(255)')
    .addColumn('tls_fingerprint', 'varchar(255)')
    .addColumn('remote_path', 'text', (c) => c.notNull())
    .addColumn('passive', t.flag, (c) => c.notNull())
    .addColumn('timeout_ms', 'integer', (c) => c.notNull())
    .addColumn('group_name', 'varchar(64)')
    .addColumn('release_type', 'varchar(16)')
    .addColumn('enabled', t.flag, (c) => c.notNull())
    .addColumn('created_at', t.millis, (c) => c.notNull())
    .addColumn('updated_at', t.millis, (c) => c.notNull())
    .addUniqueConstraint('destinations_user_name_unique', ['user_id', 'name'])
    .addForeignKeyConstraint('destinations_user_id_fk', ['user_id'], 'users', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('destinations_group_name_idx')
    .on('destinations')
    .columns(['group_name'])
    .execute();
}

async function createApiConfigs(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await createTable(db, 'api_configs')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('scope', 'varchar(16)', (c) => c.notNull())
    .addColumn('user_id', t.id)
    .addColumn('owner_key', t.id, (c) => c.notNull())
    .addColumn('provider', 'varchar(32)', (c) => c.notNull())
    .addColumn('api_key_enc', 'text')
    .addColumn('pin_enc', 'text')
    .addColumn('base_url', 'text')
    .addColumn('enabled', t.flag, (c) => c.notNull())
    .addColumn('created_at', t.millis, (c) => c.notNull())
    .addColumn('updated_at', t.millis, (c) => c.notNull())
    .addUniqueConstraint('api_configs_owner_unique', ['scope', 'owner_key', 'provider'])
    .addForeignKeyConstraint('api_configs_user_id_fk', ['user_id'], 'users', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('api_configs_user_id_idx')
    .on('api_configs')
    .columns(['user_id'])
    .execute();
}
