import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../../src/db/connect.js';
import type { Database } from '../../../src/db/ports.js';
import { LocalJobQueue } from '../../../src/jobs/drivers/local.js';
import { systemClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { createUser } from '../../factories/user.js';
import { runQueueContract, testCatalogue, waitFor } from './queue-contract.js';

function localQueue(
  db: Database,
  workerId = `w-${randomUUID().slice(0, 6)}`,
  leaseMs = 60_000,
): LocalJobQueue {
  return new LocalJobQueue({
    db,
    catalogue: testCatalogue,
    clock: systemClock,
    logger: silentLogger,
    newId: randomUUID,
    workerId,
    concurrency: 2,
    pollMs: 50,
    leaseMs,
    graceMs: 200,
  });
}

runQueueContract('local', (db) => Promise.resolve(localQueue(db)));

describe('local job queue across restarts', () => {
  it('hands an interrupted job back on stop and the next process runs it again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-jobs-restart-'));
    const db = createDatabase({ dialect: 'sqlite', url: join(dir, 'jobs.db') });
    try {
      await db.migrateToLatest();
      const userId = (await createUser(db.repos)).id;
      const first = localQueue(db);
      await first.start();
      const job = await db.transaction((tx) =>
        first.enqueue(tx, { name: 'test.wait' as never, payload: {} as never, userId }),
      );
      await waitFor(db, job.id, (row) => row.status === 'running');
      await first.stop();
      const handedBack = await db.repos.jobs.findById(job.id);
      expect(handedBack).toMatchObject({ status: 'pending', lockedBy: null });
      const lines = (await db.repos.jobLogs.list(job.id)).map((line) => line.message);
      expect(lines.some((line) => line.includes('shutdown'))).toBe(true);

      const second = localQueue(db);
      await second.start();
      await waitFor(db, job.id, (row) => row.status === 'running');
      await db.repos.jobs.update(job.id, { cancelRequested: true });
      await waitFor(db, job.id, (row) => row.status === 'cancelled');
      await second.stop();
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('claims a job whose worker died (expired lease) again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-jobs-lease-'));
    const db = createDatabase({ dialect: 'sqlite', url: join(dir, 'jobs.db') });
    try {
      await db.migrateToLatest();
      const userId = (await createUser(db.repos)).id;
      const dead = localQueue(db, 'dead-worker');
      const job = await db.transaction((tx) =>
        dead.enqueue(tx, {
          name: 'test.echo' as never,
          payload: { value: 'again' } as never,
          userId,
        }),
      );
      const past = new Date(Date.now() - 1000);
      await db.repos.jobs.update(job.id, {
        status: 'running',
        lockedBy: 'dead-worker',
        lockedUntil: past,
        attempts: 1,
      });
      const alive = localQueue(db);
      await alive.start();
      const done = await waitFor(db, job.id, (row) => row.status === 'completed');
      expect(done.result).toEqual({ echoed: 'again' });
      await alive.stop();
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
