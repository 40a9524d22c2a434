import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type SqlDatabase } from '../../../src/db/connect.js';
import type { Job } from '../../../src/domain/entities.js';
import { buildJob, createJob, createUser, newId, uniqueName } from '../../factories/index.js';
import { DIALECTS, useTestDatabase } from './databases.js';

const PAGE = { limit: 50, offset: 0 };
const NOW = new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 500));
const LEASE = new Date(NOW.getTime() + 60_000);

/** A job name no other test uses, so claims only see this test's jobs. */
function jobName(): string {
  return uniqueName('test.claim');
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.url === undefined)(`jobs on ${dialect.name}`, () => {
    const t = useTestDatabase(dialect);

    describe('rows', () => {
      it('creates a job and reads back every field', async () => {
        const user = await createUser(t.repos);
        const job = buildJob({
          userId: user.id,
          releaseName: 'Author-Title-2025-RETAiL-EPUB-eBook-GRP',
          result: { files: ['a.rar', 'a.nfo'], ok: true },
          progress: 42,
          progressMessage: 'packing',
          errorCode: 'release.disk_full',
          errorMessage: 'No space left',
          cancelRequested: true,
          lockedBy: 'worker-1',
          lockedUntil: LEASE,
          startedAt: NOW,
          completedAt: LEASE,
        });
        expect(await t.repos.jobs.create(job)).toEqual(job);
        expect(await t.repos.jobs.findById(job.id)).toEqual(job);
        expect(await t.repos.jobs.findById(newId())).toBeUndefined();
      });

      it('lists by owner, status, type and name, newest first', async () => {
        const user = await createUser(t.repos);
        const name = jobName();
        const a = await createJob(t.repos, { userId: user.id, name });
        const b = await createJob(t.repos, {
          userId: user.id,
          status: 'failed',
          releaseType: 'TV',
        });
        const c = await createJob(t.repos, { userId: user.id, name });
        expect(await t.repos.jobs.list({ userId: user.id }, PAGE)).toEqual({
          items: [c, b, a],
          total: 3,
        });
        expect(await t.repos.jobs.list({ userId: user.id }, { limit: 2, offset: 2 })).toEqual({
          items: [a],
          total: 3,
        });
        const failedTv = { userId: user.id, status: 'failed', releaseType: 'TV' } as const;
        expect(await t.repos.jobs.list(failedTv, PAGE)).toEqual({ items: [b], total: 1 });
        expect(await t.repos.jobs.list({ name }, PAGE)).toEqual({ items: [c, a], total: 2 });
        expect((await t.repos.jobs.list({}, PAGE)).total).toBeGreaterThanOrEqual(3);
      });

      it('updates, counts by status and deletes', async () => {
        const before = await t.repos.jobs.countByStatus();
        const job = await createJob(t.repos);
        await createJob(t.repos, { status: 'cancelled' });
        expect(await t.repos.jobs.countByStatus()).toEqual({
          ...before,
          pending: before.pending + 1,
          cancelled: before.cancelled + 1,
        });
        const updated = await t.repos.jobs.update(job.id, {
          status: 'completed',
          progress: 100,
          result: [1, 'two', { three: 3 }],
          completedAt: LEASE,
        });
        expect(updated).toEqual({
          ...job,
          status: 'completed',
          progress: 100,
          result: [1, 'two', { three: 3 }],
          completedAt: LEASE,
        });
        expect(await t.repos.jobs.update(newId(), { progress: 1 })).toBeUndefined();
        expect(await t.repos.jobs.delete(job.id)).toBe(true);
        expect(await t.repos.jobs.delete(job.id)).toBe(false);
      });
    });

    describe('claimNext', () => {
      it('leases the oldest due pending job and skips future ones', async () => {
        const name = jobName();
        const later = await createJob(t.repos, { name, runAfter: new Date(NOW.getTime() - 1) });
        const oldest = await createJob(t.repos, { name, runAfter: new Date(NOW.getTime() - 9) });
        await createJob(t.repos, { name, runAfter: new Date(NOW.getTime() + 1) });
        const claimed = await t.repos.jobs.claimNext('w1', NOW, LEASE, [name]);
        expect(claimed).toEqual({
          ...oldest,
          status: 'running',
          lockedBy: 'w1',
          lockedUntil: LEASE,
          attempts: 1,
          startedAt: NOW,
          updatedAt: NOW,
        });
        expect((await t.repos.jobs.claimNext('w2', NOW, LEASE, [name]))?.id).toBe(later.id);
        expect(await t.repos.jobs.claimNext('w3', NOW, LEASE, [name])).toBeUndefined();
      });

      it('takes over a running job whose lease expired, keeping its first start', async () => {
        const name = jobName();
        const firstStart = new Date(NOW.getTime() - 120_000);
        const stale = await createJob(t.repos, {
          name,
          status: 'running',
          attempts: 1,
          lockedBy: 'dead-worker',
          lockedUntil: new Date(NOW.getTime() - 1),
          startedAt: firstStart,
        });
        await createJob(t.repos, {
          name,
          status: 'running',
          lockedBy: 'live-worker',
          lockedUntil: new Date(NOW.getTime() + 1),
        });
        await createJob(t.repos, { name, status: 'completed' });
        const claimed = await t.repos.jobs.claimNext('w2', NOW, LEASE, [name]);
        expect(claimed).toMatchObject({
          id: stale.id,
          lockedBy: 'w2',
          attempts: 2,
          startedAt: firstStart,
        });
        expect(await t.repos.jobs.claimNext('w3', NOW, LEASE, [name])).toBeUndefined();
      });

      it('claims only the named jobs and nothing for an empty list', async () => {
        const name = jobName();
        const job = await createJob(t.repos, { name });
        expect(await t.repos.jobs.claimNext('w', NOW, LEASE, [])).toBeUndefined();
        expect(await t.repos.jobs.claimNext('w', NOW, LEASE, [jobName()])).toBeUndefined();
        expect((await t.repos.jobs.claimNext('w', NOW, LEASE, [name, jobName()]))?.id).toBe(job.id);
      });

      it('claims any due job when no names are given', async () => {
        const job = await createJob(t.repos, { runAfter: new Date(0) });
        const claimed = await t.repos.jobs.claimNext('w-any', NOW, LEASE);
        expect(claimed?.status).toBe('running');
        expect(claimed?.runAfter.getTime()).toBeLessThanOrEqual(job.runAfter.getTime());
      });

      it('claims inside a transaction', async () => {
        const name = jobName();
        const job = await createJob(t.repos, { name });
        const claimed = await t.db.transaction((tx) =>
          tx.jobs.claimNext('tx-worker', NOW, LEASE, [name]),
        );
        expect(claimed?.id).toBe(job.id);
        expect((await t.repos.jobs.findById(job.id))?.lockedBy).toBe('tx-worker');
      });

      it('renews a lease only for the worker that holds it', async () => {
        const name = jobName();
        const job = await createJob(t.repos, { name });
        await t.repos.jobs.claimNext('holder', NOW, LEASE, [name]);
        const longer = new Date(LEASE.getTime() + 30_000);
        expect(await t.repos.jobs.renewLease(job.id, 'holder', longer)).toBe(true);
        // The same value again still counts as held (MySQL reports matched, not changed, rows).
        expect(await t.repos.jobs.renewLease(job.id, 'holder', longer)).toBe(true);
        expect(await t.repos.jobs.renewLease(job.id, 'intruder', longer)).toBe(false);
        expect(await t.repos.jobs.renewLease(newId(), 'holder', longer)).toBe(false);
        expect((await t.repos.jobs.findById(job.id))?.lockedUntil).toEqual(longer);
      });
    });

    describe('claimNext under concurrency', () => {
      const others: SqlDatabase[] = [];
      afterAll(async () => {
        await Promise.all(others.map((db) => db.close()));
      });

      it('leases each job exactly once across two databases and four claimers', async () => {
        const second = createDatabase(t.config);
        others.push(second);
        const name = jobName();
        const user = await createUser(t.repos);
        const jobs: Job[] = [];
        for (let i = 0; i < 24; i += 1) {
          jobs.push(await createJob(t.repos, { userId: user.id, name }));
        }
        const drain = async (db: SqlDatabase, worker: string): Promise<string[]> => {
          const mine: string[] = [];
          for (;;) {
            const job = await db.repos.jobs.claimNext(worker, NOW, LEASE, [name]);
            if (job === undefined) {
              return mine;
            }
            expect(job.lockedBy).toBe(worker);
            mine.push(job.id);
          }
        };
        const claims = await Promise.all([
          drain(t.db, 'a1'),
          drain(second, 'b1'),
          drain(t.db, 'a2'),
          drain(second, 'b2'),
        ]);
        const all = claims.flat();
        expect(all).toHaveLength(jobs.length);
        expect(new Set(all)).toEqual(new Set(jobs.map((j) => j.id)));
        const stored = await t.repos.jobs.list({ name }, PAGE);
        expect(stored.items.every((j) => j.attempts === 1 && j.status === 'running')).toBe(true);
      });
    });

    describe('job logs', () => {
      it('lists lines in insertion order, after an id and up to a limit', async () => {
        const job = await createJob(t.repos);
        const at = new Date(NOW.getTime() + 5);
        await t.repos.jobLogs.append(job.id, 'INFO', 'first ✓', at);
        await t.repos.jobLogs.append(job.id, 'WARNING', 'second', new Date(at.getTime() - 1));
        await t.repos.jobLogs.append(job.id, 'ERROR', 'third\nwith a newline', at);
        const lines = await t.repos.jobLogs.list(job.id);
        expect(lines.map((l) => [l.level, l.message])).toEqual([
          ['INFO', 'first ✓'],
          ['WARNING', 'second'],
          ['ERROR', 'third\nwith a newline'],
        ]);
        expect(lines[0]).toEqual({
          id: lines[0]!.id,
          jobId: job.id,
          level: 'INFO',
          message: 'first ✓',
          createdAt: at,
        });
        expect(lines[1]!.id).toBeGreaterThan(lines[0]!.id);
        expect(await t.repos.jobLogs.list(job.id, { afterId: lines[0]!.id })).toEqual(
          lines.slice(1),
        );
        expect(await t.repos.jobLogs.list(job.id, { limit: 2 })).toEqual(lines.slice(0, 2));
        expect(await t.repos.jobLogs.list(newId())).toEqual([]);
      });
    });
  });
}
