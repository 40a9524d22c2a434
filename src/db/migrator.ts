/**
 * The migrations, listed statically (a bundler keeps them; nothing scans a directory), and the
 * three operations the CLI and start-up need. Migrations run on the instance without
 * `CamelCasePlugin`: they speak SQL names (snake_case) and must not change when the plugin does.
 */
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { AppError, isAppError } from '../shared/errors.js';
import { translateDbError } from './errors.js';
import type { MigrationStatus } from './ports.js';
import * as usersAndAuth from './migrations/202511251600_users_and_auth.js';
import * as settings from './migrations/202511251610_settings.js';
import * as jobsAndReleases from './migrations/202511251620_jobs_and_releases.js';
import * as cacheAndAudit from './migrations/202511251630_cache_and_audit.js';

/** In order; a new migration is appended here. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '202511251600_users_and_auth': usersAndAuth,
  '202511251610_settings': settings,
  '202511251620_jobs_and_releases': jobsAndReleases,
  '202511251630_cache_and_audit': cacheAndAudit,
};

function migratorFor<T>(db: Kysely<T>): Migrator {
  return new Migrator({
    db: db.withoutPlugins(),
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
  });
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  return appliedNames(await migratorFor(db).migrateToLatest());
}

/** Reverts the last applied migration; returns its name, or undefined when none is applied. */
export async function migrateDown<T>(db: Kysely<T>): Promise<string | undefined> {
  return appliedNames(await migratorFor(db).migrateDown())[0];
}

export async function migrationStatus<T>(db: Kysely<T>): Promise<MigrationStatus[]> {
  const migrations = await migratorFor(db).getMigrations();
  return migrations.map((m) => ({ name: m.name, executedAt: m.executedAt ?? null }));
}

function appliedNames(resultSet: MigrationResultSet): string[] {
  const results = resultSet.results ?? [];
  if (resultSet.error !== undefined) {
    const translated = translateDbError(resultSet.error);
    if (isAppError(translated) && translated.code === 'db.unavailable') {
      throw translated;
    }
    const failed = results.find((r) => r.status === 'Error')?.migrationName;
    throw new AppError(
      'db.migration_failed',
      `Migration ${failed ?? '(setup)'} failed: ${errorText(resultSet.error)}`,
      { cause: resultSet.error, details: { migration: failed } },
    );
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : JSON.stringify(error);
}
