/**
 * Jobs as users see them: list (operators their own, viewers and admins everyone's), one job with
 * its logs and artifacts, cancel (the running handler is told through its abort signal), retry
 * (a failed or cancelled job runs again as a new attempt), delete (finished jobs only).
 */
import type { Artifact, Job, JobLog } from '../domain/entities.js';
import type { JobStatus, ReleaseType } from '../domain/enums.js';
import { seesAll } from '../domain/policy.js';
import type { Database, Page, Paged } from '../db/ports.js';
import type { JobQueue } from '../jobs/ports.js';
import { AppError, notFound } from '../shared/errors.js';
import { assertCan, writeAudit, type Caller, type Runtime } from './context.js';

export interface JobsDeps {
  db: Database;
  runtime: Runtime;
  queue: JobQueue;
}

export interface JobFilter {
  status?: JobStatus;
  releaseType?: ReleaseType;
  userId?: string;
}

const FINISHED: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

export class JobsService {
  constructor(private readonly deps: JobsDeps) {}

  async list(caller: Caller, filter: JobFilter, page: Page): Promise<Paged<Job>> {
    assertCan(caller, 'jobs.read');
    const userId = seesAll(caller.actor, 'jobs.read') ? filter.userId : caller.actor.id;
    return this.deps.db.repos.jobs.list(
      { status: filter.status, releaseType: filter.releaseType, userId },
      page,
    );
  }

  async get(caller: Caller, id: string): Promise<Job> {
    const job = await this.deps.db.repos.jobs.findById(id);
    if (!job) {
      throw notFound('Job');
    }
    assertCan(caller, 'jobs.read', { ownerId: job.userId });
    return job;
  }

  async logs(caller: Caller, id: string, afterId?: number): Promise<JobLog[]> {
    await this.get(caller, id);
    return this.deps.db.repos.jobLogs.list(id, afterId === undefined ? undefined : { afterId });
  }

  async artifacts(caller: Caller, id: string): Promise<Artifact[]> {
    await this.get(caller, id);
    return this.deps.db.repos.artifacts.listForJob(id);
  }

  /** Pending jobs stop at once; running ones are told to stop and end as `cancelled`. */
  async cancel(caller: Caller, id: string): Promise<Job> {
    assertCan(caller, 'jobs.control');
    const job = await this.get(caller, id);
    assertCan(caller, 'jobs.control', { ownerId: job.userId });
    if (FINISHED.includes(job.status)) {
      throw new AppError('job.not_cancellable', `The job is already ${job.status}`);
    }
    const now = this.deps.runtime.clock.now();
    const patch =
      job.status === 'pending'
        ? {
            status: 'cancelled' as const,
            cancelRequested: true,
            completedAt: now,
            updatedAt: now,
            errorCode: 'job.cancelled',
            errorMessage: 'Cancelled by the user',
          }
        : { cancelRequested: true, updatedAt: now };
    return this.deps.db.transaction(async (tx) => {
      const updated = (await tx.jobs.update(id, patch)) ?? job;
      await tx.jobLogs.append(id, 'WARNING', `Cancellation requested by ${caller.actor.id}`, now);
      await writeAudit(tx, this.deps.runtime, caller, {
        action: 'job.cancel',
        resourceType: 'job',
        resourceId: id,
      });
      return updated;
    });
  }

  /** A failed or cancelled job goes back to the queue with fresh attempts. */
  async retry(caller: Caller, id: string): Promise<Job> {
    assertCan(caller, 'jobs.control');
    const job = await this.get(caller, id);
    assertCan(caller, 'jobs.control', { ownerId: job.userId });
    if (job.status !== 'failed' && job.status !== 'cancelled') {
      throw new AppError(
        'job.not_retryable',
        `Only failed or cancelled jobs can be retried; this one is ${job.status}`,
      );
    }
    const now = this.deps.runtime.clock.now();
    const retried = await this.deps.db.transaction(async (tx) => {
      const updated = await tx.jobs.update(id, {
        status: 'pending',
        attempts: 0,
        cancelRequested: false,
        errorCode: null,
        errorMessage: null,
        progress: 0,
        progressMessage: null,
        runAfter: now,
        completedAt: null,
        lockedBy: null,
        lockedUntil: null,
        updatedAt: now,
      });
      await tx.jobLogs.append(id, 'INFO', 'Queued again by a retry', now);
      await writeAudit(tx, this.deps.runtime, caller, {
        action: 'job.retry',
        resourceType: 'job',
        resourceId: id,
      });
      return updated ?? job;
    });
    await this.deps.queue.requeue(retried);
    return retried;
  }

  async delete(caller: Caller, id: string): Promise<void> {
    assertCan(caller, 'jobs.control');
    const job = await this.get(caller, id);
    assertCan(caller, 'jobs.control', { ownerId: job.userId });
    if (!FINISHED.includes(job.status)) {
      throw new AppError('job.not_cancellable', 'Cancel the job before deleting it');
    }
    await this.deps.db.transaction(async (tx) => {
      await tx.jobs.delete(id);
      await writeAudit(tx, this.deps.runtime, caller, {
        action: 'job.delete',
        resourceType: 'job',
        resourceId: id,
      });
    });
  }
}
