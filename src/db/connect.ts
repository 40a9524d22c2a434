/**
 * `createDatabase(config)`: the one entry point main uses. Pools connect lazily, so creating a
 * database never fails for a server that is down; the first query does (`db.unavailable`) and
 * `ping()` answers false.
 */
import { sql, type Kysely } from 'kysely';
import { silentLogger, type Logger } from '../shared/logger.js';
import type { DatabaseConfig } from './dialect.js';
import { createKysely } from './drivers.js';
import { migrateDown, migrateToLatest, migrationStatus } from './migrator.js';
import type { Database } from './ports.js';
import { createRepositories } from './repositories/index.js';
import type { DB } from './tables.js';
import { createTransactionGuard, guardRepositories } from './transaction-guard.js';
import { runTransaction } from './unit-of-work.js';

export type { DatabaseConfig } from './dialect.js';

/** The port plus the Kysely instance, for the db room's own tools and tests. */
export interface SqlDatabase extends Database {
  readonly kysely: Kysely<DB>;
}

export function createDatabase(
  config: DatabaseConfig,
  options: { logger?: Logger } = {},
): SqlDatabase {
  const logger = options.logger ?? silentLogger;
  const kysely = createKysely(config, logger);
  const guard = createTransactionGuard();
  return {
    dialect: config.dialect,
    kysely,
    repos: guardRepositories(createRepositories(kysely), guard),
    transaction: async (work) => {
      guard.assertOutside('db.transaction()');
      return runTransaction(kysely, logger, (tx) => guard.inside(() => work(tx)));
    },
    migrateToLatest: () => migrateToLatest(kysely),
    migrateDown: () => migrateDown(kysely),
    migrationStatus: () => migrationStatus(kysely),
    ping: () => ping(kysely),
    close: () => kysely.destroy(),
  };
}

async function ping(kysely: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(kysely);
    return true;
  } catch {
    return false;
  }
}
