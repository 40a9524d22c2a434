/**
 * Transactions with after-commit callbacks. Callbacks (enqueue a job, publish an event) run
 * once the commit succeeded, in the order they were registered, and are awaited before
 * `transaction` resolves; a failing callback is logged and does not undo the commit or stop the
 * next one. A rollback drops them all.
 *
 * Do not open a transaction inside another: on SQLite the single connection is held by the
 * outer one, so the inner one would wait forever. Pass the `tx` repositories down instead.
 */
import type { Kysely } from 'kysely';
import type { Logger } from '../shared/logger.js';
import { translateDbError } from './errors.js';
import type { TransactionScope } from './ports.js';
import { createRepositories } from './repositories/index.js';
import type { DB } from './tables.js';

type Callback = () => void | Promise<void>;

export async function runTransaction<T>(
  db: Kysely<DB>,
  logger: Logger,
  work: (tx: TransactionScope) => Promise<T>,
): Promise<T> {
  const callbacks: Callback[] = [];
  let result: T;
  try {
    result = await db.transaction().execute((trx) =>
      work({
        ...createRepositories(trx),
        afterCommit: (callback) => {
          callbacks.push(callback);
        },
      }),
    );
  } catch (error) {
    throw translateDbError(error);
  }
  await runCallbacks(callbacks, logger);
  return result;
}

async function runCallbacks(callbacks: Callback[], logger: Logger): Promise<void> {
  for (const callback of callbacks) {
    try {
      await callback();
    } catch (error) {
      logger.error({ err: error }, 'an after-commit callback failed');
    }
  }
}
