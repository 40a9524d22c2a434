import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../../src/db/connect.js';
import type { Logger } from '../../../src/shared/logger.js';
import { AppError } from '../../../src/shared/errors.js';
import { buildUser, createUser } from '../../factories/index.js';
import { DIALECTS, useTestDatabase } from './databases.js';

/** A logger that keeps what it was given, for asserting on logged errors. */
function recordingLogger(): Logger & { errors: { obj: object; msg?: string }[] } {
  const errors: { obj: object; msg?: string }[] = [];
  const logger = {
    errors,
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (obj: object, msg?: string) => {
      errors.push({ obj, msg });
    },
    child: () => logger,
  };
  return logger;
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.url === undefined)(`unit of work on ${dialect.name}`, () => {
    const t = useTestDatabase(dialect);

    it('commits, then runs the callbacks in order, and returns the result', async () => {
      const user = buildUser();
      const events: string[] = [];
      const result = await t.db.transaction(async (tx) => {
        await tx.users.create(user);
        tx.afterCommit(() => {
          events.push('first');
        });
        tx.afterCommit(async () => {
          // The row is visible outside the transaction: the commit happened first.
          const seen = await t.repos.users.findById(user.id);
          events.push(seen === undefined ? 'not yet committed' : 'second saw the row');
        });
        events.push('work done');
        return 'result';
      });
      expect(result).toBe('result');
      expect(events).toEqual(['work done', 'first', 'second saw the row']);
    });

    it('rolls back on error, runs no callback and rethrows the error', async () => {
      const user = buildUser();
      let ran = false;
      const failure = new AppError('validation.failed', 'nope');
      await expect(
        t.db.transaction(async (tx) => {
          await tx.users.create(user);
          tx.afterCommit(() => {
            ran = true;
          });
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(ran).toBe(false);
      expect(await t.repos.users.findById(user.id)).toBeUndefined();
    });

    it('turns a conflict inside the transaction into resource.conflict and undoes earlier writes', async () => {
      const taken = await createUser(t.repos);
      const fresh = buildUser();
      await expect(
        t.db.transaction(async (tx) => {
          await tx.users.create(fresh);
          await tx.users.create(buildUser({ username: taken.username }));
        }),
      ).rejects.toMatchObject({ code: 'resource.conflict' });
      expect(await t.repos.users.findById(fresh.id)).toBeUndefined();
    });

    it('logs a failing callback and still runs the next ones', async () => {
      const logger = recordingLogger();
      const db = createDatabase(t.config, { logger });
      try {
        const events: string[] = [];
        await db.transaction((tx) => {
          tx.afterCommit(() => {
            throw new Error('boom');
          });
          tx.afterCommit(() => Promise.reject(new Error('async boom')));
          tx.afterCommit(() => {
            events.push('third');
          });
          return Promise.resolve();
        });
        expect(events).toEqual(['third']);
        expect(logger.errors).toHaveLength(2);
        expect(logger.errors[0]?.obj).toMatchObject({ err: new Error('boom') });
      } finally {
        await db.close();
      }
    });

    it('gives every repository bound to the transaction', async () => {
      const user = buildUser();
      await expect(
        t.db.transaction(async (tx) => {
          await tx.users.create(user);
          await tx.sessions.revokeAllForUser(user.id, new Date());
          await tx.audit.append({
            id: user.id,
            userId: user.id,
            action: 'user.create',
            resourceType: 'user',
            resourceId: user.id,
            details: {},
            ip: null,
            createdAt: new Date(),
          });
          expect(await tx.users.findById(user.id)).toEqual(user);
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect(await t.repos.users.findById(user.id)).toBeUndefined();
      expect((await t.repos.audit.list({ userId: user.id }, { limit: 5, offset: 0 })).total).toBe(
        0,
      );
    });

    it('refuses db.repos and a nested transaction inside a transaction instead of hanging', async () => {
      const user = buildUser();
      await expect(
        t.db.transaction(async (tx) => {
          await tx.users.create(user);
          return t.repos.users.findById(user.id);
        }),
      ).rejects.toThrow(/db\.repos\.users\.findById\(\) was called inside db\.transaction/);
      await expect(
        t.db.transaction(() => t.db.transaction(() => Promise.resolve())),
      ).rejects.toThrow(/db\.transaction\(\) was called inside db\.transaction/);
      expect(await t.repos.users.findById(user.id)).toBeUndefined();
    });

    it('lets work that outlives the transaction use db.repos once it has ended', async () => {
      let later: Promise<unknown> = Promise.resolve();
      const user = await createUser(t.repos);
      await t.db.transaction((tx) => {
        later = new Promise((resolve) => setTimeout(resolve, 10)).then(() =>
          t.repos.users.findById(user.id),
        );
        return tx.users.findById(user.id);
      });
      expect(await later).toEqual(user);
    });
  });
}
