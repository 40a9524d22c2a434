/**
 * Work and its results: jobs, their log lines, releases, artifacts and deliveries.
 *
 * History is kept: a user who owns jobs or releases cannot be deleted (`restrict`; disable the
 * account instead). Deleting a job deletes its log lines and detaches (`set null`) the releases,
 * artifacts and deliveries it produced; deleting a release deletes its artifacts; deleting a
 * destination deletes its deliveries (they mean nothing without it).
 */
import type { Kysely } from 'kysely';
import { addSerialId, columnTypes, createTable } from '../schema-builders.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await createJobs(db);
  await createJobLogs(db);
  await createReleases(db);
  await createArtifacts(db);
  await createDeliveries(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['deliveries', 'artifacts', 'releases', 'job_logs', 'jobs']) {
    await db.schema.dropTable(table).execute();
  }
}

async function index(db: Kysely<unknown>, table: string, name: string, columns: string[]) {
  await db.schema.createIndex(`${table}_${name}_idx`).on(table).columns(columns).execute();
}

async function createJobs(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await createTable(db, 'jobs')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('user_id', t.id, (c) => c.notNull())
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('release_type', 'varchar(16)')
    .addColumn('group_name', 'varchar(64)')
    .addColumn('release_name', 'varchar(255)')
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('result', t.json, (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('progress_message', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('error_code', 'varchar(64)')
    .addColumn('error_message', t.longText)
    .addColumn('cancel_requested', t.flag, (c) => c.notNull())
    .addColumn('run_after', t.millis, (c) => c.notNull())
    .addColumn('locked_by', 'varchar(128)')
    .addColumn('locked_until', t.millis)
    .addColumn('created_at', t.millis, (c) => c.notNull())
    .addColumn('updated_at', t.millis, (c) => c.notNull())
    .addColumn('started_at', t.millis)
    .addColumn('completed_at', t.millis)
    .addForeignKeyConstraint('jobs_user_id_fk', ['user_id'], 'users', ['id'], (fk) =>
      fk.onDelete('restrict'),
    )
    .execute();
  await index(db, 'jobs', 'user_created', ['user_id', 'created_at']);
  await index(db, 'jobs', 'status_created', ['status', 'created_at']);
  await index(db, 'jobs', 'created_at', ['created_at']);
  // claimNext: runnable rows by status, oldest run_after first.
  await index(db, 'jobs', 'claim', ['status', 'run_after']);
}

async function createJobLogs(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await addSerialId(db, createTable(db, 'job_logs'))
    .addColumn('job_id', t.id, (c) => c.notNull())
    .addColumn('level', 'varchar(16)', (c) => c.notNull())
    .addColumn('message', t.longText, (c) => c.notNull())
    .addColumn('created_at', t.millis, (c) => c.notNull())
    .addForeignKeyConstraint('job_logs_job_id_fk', ['job_id'], 'jobs', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await index(db, 'job_logs', 'job', ['job_id', 'id']);
}

async function createReleases(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await createTable(db, 'releases')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('user_id', t.id, (c) => c.notNull())
    .addColumn('job_id', t.id)
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('type', 'varchar(16)', (c) => c.notNull())
    .addColumn('group_name', 'varchar(64)', (c) => c.notNull())
    .addColumn('profile', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('output_dir', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('file_count', 'integer', (c) => c.notNull())
    .addColumn('metadata', t.json, (c) => c.notNull())
    .addColumn('created_at', t.millis, (c) => c.notNull())
    .addColumn('updated_at', t.millis, (c) => c.notNull())
    .addUniqueConstraint('releases_name_unique', ['name'])
    .addForeignKeyConstraint('releases_user_id_fk', ['user_id'], 'users', ['id'], (fk) =>
      fk.onDelete('restrict'),
    )
    .addForeignKeyConstraint('releases_job_id_fk', ['job_id'], 'jobs', ['id'], (fk) =>
      fk.onDelete('set null'),
    )
    .execute();
  await index(db, 'releases', 'user_created', ['user_id', 'created_at']);
  await index(db, 'releases', 'created_at', ['created_at']);
  await index(db, 'releases', 'type_created', ['type', 'created_at']);
  await index(db, 'releases', 'job', ['job_id']);
}

async function createArtifacts(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await createTable(db, 'artifacts')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('job_id', t.id)
    .addColumn('release_id', t.id)
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('crc32', 'varchar(8)')
    .addColumn('created_at', t.millis, (c) => c.notNull())
    .addForeignKeyConstraint('artifacts_job_id_fk', ['job_id'], 'jobs', ['id'], (fk) =>
      fk.onDelete('set null'),
    )
    .addForeignKeyConstraint('artifacts_release_id_fk', ['release_id'], 'releases', ['id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await index(db, 'artifacts', 'job', ['job_id']);
  await index(db, 'artifacts', 'release', ['release_id']);
}

async function createDeliveries(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await createTable(db, 'deliveries')
    .addColumn('id', t.id, (c) => c.primaryKey().notNull())
    .addColumn('job_id', t.id)
    .addColumn('release_id', t.id)
    .addColumn('destination_id', t.id, (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('bytes_sent', 'bigint', (c) => c.notNull())
    .addColumn('bytes_total', 'bigint', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('error_code', 'varchar(64)')
    .addColumn('error_message', t.longText)
    .addColumn('created_at', t.millis, (c) => c.notNull())
    .addColumn('started_at', t.millis)
    .addColumn('completed_at', t.millis)
    .addForeignKeyConstraint('deliveries_job_id_fk', ['job_id'], 'jobs', ['id'], (fk) =>
      fk.onDelete('set null'),
    )
    .addForeignKeyConstraint('deliveries_release_id_fk', ['release_id'], 'releases', ['id'], (fk) =>
      fk.onDelete('set null'),
    )
    .addForeignKeyConstraint(
      'deliveries_destination_id_fk',
      ['destination_id'],
      'destinations',
      ['id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await index(db, 'deliveries', 'job', ['job_id']);
  await index(db, 'deliveries', 'release', ['release_id']);
  await index(db, 'deliveries', 'destination', ['destination_id']);
}
