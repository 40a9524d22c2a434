/**
 * Users and what authenticates them. Deleting a user deletes their sessions and API tokens.
 */
import type { Kysely } from 'kysely';
import { columnTypes, createTable } from '../schema-builders.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createUsers(db);
  await createSessions(db);
  await createApiTokens(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('api_tokens').execute();
  await db.schema.dropTable('sessions').execute();
  await db.schema.dropTable('users').execute();
}

async function createUsers(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await createTable(db, 'users')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('username', 'varchar(64)', (c) => c.notNull())
    .addColumn('username_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('email', 'varchar(255)')
    .addColumn('email_key', 'varchar(255)')
    .addColumn('display_name', 'varchar(255)')
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('disabled', t.flag, (c) => c.notNull())
    .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
    .addColumn('must_change_password', t.flag, (c) => c.notNull())
    .addColumn('created_at', t.millis, (c) => c.notNull())
    .addColumn('updated_at', t.millis, (c) => c.notNull())
    .addColumn('last_login_at', t.millis)
    .addUniqueConstraint('users_username_key_unique', ['username_key'])
    .addUniqueConstraint('users_email_key_unique', ['email_key'])
    .execute();
  await db.schema.createIndex('users_created_at_idx').on('users').columns(['created_at']).execute();
}

async function createSessions(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await createTable(db, 'sessions')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('user_id', t.id, (c) => c.notNull())
    .addColumn('family_id', t.id, (c) => c.notNull())
    .addColumn('token_hash', 'varchar(128)', (c) => c.notNull())
    .addColumn('created_at', t.millis, (c) => c.notNull())
    .addColumn('expires_at', t.millis, (c) => c.notNull())
    .addColumn('revoked_at', t.millis)
    .addColumn('replaced_by_id', t.id)
    .addColumn('user_agent', 'text')
    .addColumn('ip', 'varchar(64)')
    .addUniqueConstraint('sessions_token_hash_unique', ['token_hash'])
    .addForeignKeyConstraint('sessions_user_id_fk', ['user_id'], 'users', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('sessions_user_id_idx').on('sessions').columns(['user_id']).execute();
  await db.schema
    .createIndex('sessions_family_id_idx')
    .on('sessions')
    .columns(['family_id'])
    .execute();
  await db.schema
    .createIndex('sessions_expires_at_idx')
    .on('sessions')
    .columns(['expires_at'])
    .execute();
}

async function createApiTokens(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await createTable(db, 'api_tokens')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('user_id', t.id, (c) => c.notNull())
    .addColumn('name', 'varchar(128)', (c) => c.notNull())
    .addColumn('prefix', 'varchar(32)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(128)', (c) => c.notNull())
    .addColumn('created_at', t.millis, (c) => c.notNull())
    .addColumn('expires_at', t.millis)
    .addColumn('last_used_at', t.millis)
    .addColumn('revoked_at', t.millis)
    .addUniqueConstraint('api_tokens_token_hash_unique', ['token_hash'])
    .addForeignKeyConstraint('api_tokens_user_id_fk', ['user_id'], 'users', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('api_tokens_user_id_idx')
    .on('api_tokens')
    .columns(['user_id', 'created_at'])
    .execute();
}
