/**
 * One contract every JobQueue driver passes (local, inline, bullmq): jobs run after the
 * transaction commits, report progress and logs, retry retryable failures, fail the rest,
 * can be cancelled while running, and refuse bad payloads — all recorded on the job row.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDatabase } from '../../../src/db/connect.js';
import type { Database } from '../../../src/db/ports.js';
import type { Job } from '../../../src/domain/entities.js';
import type { AnyCatalogue } from '../../../src/jobs/catalogue-types.js';
import type { JobQueue } from '../../../src/jobs/ports.js';
import { abortedError } from '../../../src/jobs/runner.js';
import { JobsService } from '../../../src/services/jobs.service.js';
import { AppError } from '../../../src/shared/errors.js';
import { systemClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { createUser } from '../../factories/user.js';

export const testCatalogue: AnyCatalogue = {
  'test.echo': {
    schema: z.object({ value: z.string() }),
    maxAttempts: 1,
    backoffMs: () => 0,
    handler: async (context: {
      payload: { value: string };
      progress: (p: number, m?: string) => Promise<void>;
      log: (l: 'INFO', m: string) => Promise<void>;
    }) => {
      await context.progress(50, 'half way');
      await context.log('INFO', `echo ${context.payload.value}`);
      return { echoed: context.payload.value };
    },
  },
  'test.flaky': {
    schema: z.object({ failures: z.number().int() }),
    maxAttempts: 3,
    backoffMs: () => 20,
    handler: (context: { job: Job; payload: { failures: number } }) => {
      if (context.job.attempts <= context.payload.failures) {
        return Promise.reject(
          new AppError('delivery.timeout', `failure ${context.job.attempts}`, { retryable: true }),
        );
      }
      return Promise.resolve('finally');
    },
  },
  'test.broken': {
    schema: z.object({}),
    maxAttempts: 3,
    backoffMs: () => 0,
    handler: () => Promise.reject(new AppError('release.input_empty', 'nothing to pack')),
  },
  'test.wait': {
    schema: z.object({}),
    maxAttempts: 1,
    backoffMs: () => 0,
    handler: (context: { signal: AbortSignal; log: (l: 'INFO', m: string) => Promise<void> }) =>
      new Promise((_resolve, reject) => {
        void context.log('INFO', 'waiting');
        context.signal.addEventListener('abort', () => {
          reject(abortedError(context.signal));
        });
      }),
  },
};

export interface QueueHarness {
  db: Database;
  queue: JobQueue;
}

const FINISHED = ['completed', 'failed', 'cancelled'];

export async function waitFor(
  db: Database,
  id: string,
  done: (job: Job) => boolean,
  timeoutMs = 20_000,
): Promise<Job> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await db.repos.jobs.findById(id);
    if (job && done(job)) {
      return job;
    }
    if (Date.now() > until) {
      throw new Error(`job ${id} did not reach the expected state: ${JSON.stringify(job)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function runQueueContract(
  name: string,
  makeQueue: (db: Database) => Promise<JobQueue>,
  skip = false,
): void {
  describe.skipIf(skip)(`${name} job queue contract`, () => {
    let dir: string;
    let db: Database;
    let queue: JobQueue;
    let userId: string;
    let jobs: JobsService;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sp-jobs-'));
      db = createDatabase({ dialect: 'sqlite', url: join(dir, 'jobs.db') });
      await db.migrateToLatest();
      userId = (await createUser(db.repos, { role: 'operator' })).id;
      queue = await makeQueue(db);
      await queue.start();
      jobs = new JobsService({
        db,
        queue,
        runtime: { clock: systemClock, newId: randomUUID, logger: silentLogger },
      });
    });
    afterAll(async () => {
      await queue.stop();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const enqueue = (jobName: string, payload: object) =>
      db.transaction((tx) =>
        queue.enqueue(tx, { name: jobName as never, payload: payload as never, userId }),
      );
    const finished = (id: string) => waitFor(db, id, (job) => FINISHED.includes(job.status));

    it('runs a job after commit and records result, progress and logs', async () => {
      const created = await enqueue('test.echo', { value: 'hi' });
      expect(created.status).toBe('pending');
      const job = await finished(created.id);
      expect(job).toMatchObject({
        status: 'completed',
        result: { echoed: 'hi' },
        progress: 100,
        attempts: 1,
        errorCode: null,
      });
      expect(job.startedAt).not.toBeNull();
      const lines = (await db.repos.jobLogs.list(job.id)).map((line) => line.message);
      expect(lines).toEqual(expect.arrayContaining(['echo hi', 'Completed']));
    });

    it('writes nothing and runs nothing when the transaction rolls back', async () => {
      let id = '';
      await expect(
        db.transaction(async (tx) => {
          id = (
            await queue.enqueue(tx, {
              name: 'test.echo' as never,
              payload: { value: 'x' } as never,
              userId,
            })
          ).id;
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await db.repos.jobs.findById(id)).toBeUndefined();
    });

    it('retries a retryable failure and succeeds', async () => {
      const job = await finished((await enqueue('test.flaky', { failures: 2 })).id);
      expect(job).toMatchObject({ status: 'completed', result: 'finally', attempts: 3 });
    });

    it('fails at once on a non-retryable error, with its code', async () => {
      const job = await finished((await enqueue('test.broken', {})).id);
      expect(job).toMatchObject({
        status: 'failed',
        attempts: 1,
        errorCode: 'release.input_empty',
        errorMessage: 'nothing to pack',
      });
    });

    it('fails a job whose payload does not match its schema', async () => {
      const job = await finished((await enqueue('test.echo', { value: 42 })).id);
      expect(job).toMatchObject({ status: 'failed', errorCode: 'validation.failed' });
    });

    it('cancels a running job through its abort signal, and retries it on request', async () => {
      const created = await enqueue('test.wait', {});
      await waitFor(db, created.id, (job) => job.status === 'running');
      await jobs.cancel({ actor: { id: userId, role: 'operator' } }, created.id);
      const job = await finished(created.id);
      expect(job).toMatchObject({ status: 'cancelled', errorCode: 'job.cancelled' });
      await jobs.retry({ actor: { id: userId, role: 'operator' } }, created.id);
      const again = await waitFor(db, created.id, (row) => row.status === 'running');
      expect(again.attempts).toBe(1);
      await jobs.cancel({ actor: { id: userId, role: 'operator' } }, created.id);
      await finished(created.id);
    });
  });
}
