/**
 * Catches the one mistake that hangs SQLite: using `db.repos` (or opening another transaction)
 * inside `db.transaction(work)`. SQLite has a single connection, which the transaction holds, so
 * the outer call would wait for ever; on the servers it would run outside the transaction and
 * can deadlock on the transaction's own row locks. The guard throws a plain Error (a bug, not an
 * expected answer) telling the caller to use the `tx` repositories instead.
 *
 * The "inside" state ends when the transaction ends, so promises that outlive it (a loop started
 * from inside `work`) are not blamed later.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Repositories } from './ports.js';

export interface TransactionGuard {
  /** Runs `work` marked as "inside a transaction" until it settles. */
  inside<T>(work: () => Promise<T>): Promise<T>;
  /** Throws when called from inside a running transaction. */
  assertOutside(what: string): void;
}

export function createTransactionGuard(): TransactionGuard {
  const storage = new AsyncLocalStorage<{ active: boolean }>();
  return {
    async inside(work) {
      const state = { active: true };
      try {
        return await storage.run(state, work);
      } finally {
        state.active = false;
      }
    },
    assertOutside(what) {
      if (storage.getStore()?.active === true) {
        throw new Error(
          `${what} was called inside db.transaction(): use the repositories of the transaction ` +
            `(tx.users, tx.jobs, …), or it would wait for the transaction's own connection`,
        );
      }
    },
  };
}

/** The same repositories, each method refusing to run inside a transaction. */
export function guardRepositories(repos: Repositories, guard: TransactionGuard): Repositories {
  const guarded: Record<string, unknown> = {};
  for (const [name, repository] of Object.entries(repos)) {
    const methods: Record<string, unknown> = {};
    for (const [method, fn] of Object.entries(repository as Record<string, unknown>)) {
      methods[method] =
        typeof fn === 'function'
          ? (...args: unknown[]): unknown => {
              guard.assertOutside(`db.repos.${name}.${method}()`);
              return (fn as (...a: unknown[]) => unknown)(...args);
            }
          : fn;
    }
    guarded[name] = methods;
  }
  return guarded as unknown as Repositories;
}
