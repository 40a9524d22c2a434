import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/domain/entities.js';
import { buildJob } from '../../factories/job.js';
import { createTestApp, type Client, type TestApp } from '../../support/app.js';

let t: TestApp;
let owner: Client;
let other: Client;
let viewer: Client;

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.as('operator');
  other = await t.as('operator');
  viewer = await t.as('viewer');
});
afterAll(async () => t.close());

async function jobOf(userId: string, overrides: Partial<Job> = {}): Promise<Job> {
  const job = await t.container.db.repos.jobs.create(
    buildJob({ userId, name: 'release.deliver', status: 'pending', ...overrides }),
  );
  await t.container.db.repos.jobLogs.append(job.id, 'INFO', 'first line', new Date());
  await t.container.db.repos.jobLogs.append(job.id, 'WARNING', 'second line', new Date());
  return job;
}

describe('jobs API', () => {
  it('lists only the operator’s own jobs, everyone’s for viewers and admins', async () => {
    const mine = await jobOf(owner.id);
    const theirs = await jobOf(other.id);
    const ids = (client: Client, query = '') =>
      client
        .request({ method: 'GET', url: `/api/jobs${query}` })
        .then((r) => r.json<{ items: Job[] }>().items.map((j) => j.id));
    expect(await ids(owner)).toContain(mine.id);
    expect(await ids(owner)).not.toContain(theirs.id);
    expect(await ids(viewer)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(await ids(t.admin, `?userId=${other.id}`)).toEqual([theirs.id]);
    expect((await owner.request({ method: 'GET', url: `/api/jobs/${theirs.id}` })).statusCode).toBe(
      403,
    );
  });

  it('returns one job with its log lines in order and its artifacts', async () => {
    const job = await jobOf(owner.id, {
      status: 'completed',
      progress: 100,
      completedAt: new Date(),
    });
    const response = await owner.request({ method: 'GET', url: `/api/jobs/${job.id}` });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      status: string;
      logs: { level: string; message: string; id: number }[];
      artifacts: unknown[];
    }>();
    expect(body.status).toBe('completed');
    expect(body.logs.map((line) => [line.level, line.message])).toEqual([
      ['INFO', 'first line'],
      ['WARNING', 'second line'],
    ]);
    const after = await owner.request({
      method: 'GET',
      url: `/api/jobs/${job.id}/logs?afterId=${body.logs[0]?.id ?? 0}`,
    });
    expect(
      after.json<{ items: { message: string }[] }>().items.map((line) => line.message),
    ).toEqual(['second line']);
    expect(
      (await owner.request({ method: 'GET', url: `/api/jobs/${job.id}/artifacts` })).json(),
    ).toEqual({ items: [] });
  });

  it('cancels a pending job, refuses to cancel a finished one, retries and deletes', async () => {
    const job = await jobOf(owner.id);
    const cancelled = await owner.request({ method: 'POST', url: `/api/jobs/${job.id}/cancel` });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', errorCode: 'job.cancelled' });
    const again = await owner.request({ method: 'POST', url: `/api/jobs/${job.id}/cancel` });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'job.not_cancellable' });
    expect(
      (await other.request({ method: 'POST', url: `/api/jobs/${job.id}/retry` })).statusCode,
    ).toBe(403);
    const retried = await owner.request({ method: 'POST', url: `/api/jobs/${job.id}/retry` });
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0, errorCode: null });
    expect((await owner.request({ method: 'DELETE', url: `/api/jobs/${job.id}` })).statusCode).toBe(
      409,
    );
    await owner.request({ method: 'POST', url: `/api/jobs/${job.id}/cancel` });
    expect((await owner.request({ method: 'DELETE', url: `/api/jobs/${job.id}` })).statusCode).toBe(
      200,
    );
    expect((await owner.request({ method: 'GET', url: `/api/jobs/${job.id}` })).statusCode).toBe(
      404,
    );
  });

  it('streams a finished job’s progress, log lines and end as server-sent events', async () => {
    const job = await jobOf(owner.id, {
      status: 'failed',
      progress: 40,
      errorCode: 'delivery.auth_failed',
      errorMessage: '530 Login incorrect',
      completedAt: new Date(),
    });
    const response = await owner.request({ method: 'GET', url: `/api/jobs/${job.id}/events` });
    expect(response.headers['content-type']).toContain('text/event-stream');
    const events = response.body
      .split('\n\n')
      .filter(Boolean)
      .map((block) => block.split('\n')[0]);
    expect(events).toEqual(['event: log', 'event: log', 'event: progress', 'event: end']);
    expect(response.body).toContain('530 Login incorrect');
  });
});

describe('destination test', () => {
  it('reports a refused connection precisely, without leaking the password', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => {
          resolve(typeof address === 'object' && address ? address.port : 1);
        });
      });
    });
    const destination = (
      await owner.request({
        method: 'POST',
        url: '/api/destinations',
        payload: {
          name: `closed-${randomUUID().slice(0, 4)}`,
          protocol: 'ftp',
          host: '127.0.0.1',
          port: closed,
          username: 'u',
          password: 'ftp-secret-pw',
          timeoutMs: 3000,
        },
      })
    ).json<{ id: string }>();
    const response = await owner.request({
      method: 'POST',
      url: `/api/destinations/${destination.id}/test`,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ success: boolean; message: string; details: { code: string } }>();
    expect(body.success).toBe(false);
    expect(body.details.code).toBe('delivery.connection_refused');
    expect(response.body).not.toContain('ftp-secret-pw');
    expect(
      (await other.request({ method: 'POST', url: `/api/destinations/${destination.id}/test` }))
        .statusCode,
    ).toBe(404);
  });
});
