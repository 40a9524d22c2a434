/**
 * The embedded driver: jobs live in the database and this process runs them. Each of
 * `concurrency` loops leases the oldest runnable row (`claimNext`), renews the lease while the
 * job runs, and sleeps until woken by an enqueue or the poll interval. A job whose process died
 * keeps an expired lease and is claimed again; a job interrupted by `stop()` is handed back.
 */
import type { Job } from '../../domain/entities.js';
import type { Database, TransactionScope } from '../../db/ports.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { AnyCatalogue } from '../catalogue-types.js';
import { newJobRow } from '../new-job.js';
import type { EnqueueRequest, JobName, JobQueue } from '../ports.js';
import { JobRunner } from '../runner.js';

export interface LocalQueueOptions {
  db: Database;
  catalogue: AnyCatalogue;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  workerId: string;
  concurrency: number;
  pollMs?: number;
  leaseMs?: number;
  /** How long `stop()` lets running jobs finish before interrupting them. */
  graceMs?: number;
}

export class LocalJobQueue implements JobQueue {
  readonly driver = 'local' as const;
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();
  private readonly stopping = new AbortController();
  private readonly runner: JobRunner;

  constructor(private readonly options: LocalQueueOptions) {
    this.runner = new JobRunner({ ...options, keepAlive: (job) => this.renew(job) });
  }

  async enqueue<N extends JobName>(tx: TransactionScope, request: EnqueueRequest<N>): Promise<Job> {
    const row = await tx.jobs.create(
      newJobRow(request, this.options.catalogue, this.options.newId(), this.options.clock.now()),
    );
    tx.afterCommit(() => {
      this.wake();
    });
    return row;
  }

  requeue(): Promise<void> {
    this.wake();
    return Promise.resolve();
  }

  start(): Promise<void> {
    if (!this.running) {
      this.running = true;
      this.loops = Array.from({ length: this.options.concurrency }, () => this.loop());
    }
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    if (!this.running) {
      return;
    }
    this.running = false;
    this.wake();
    const grace = setTimeout(() => {
      this.stopping.abort('shutdown');
    }, this.options.graceMs ?? 10_000);
    await Promise.all(this.loops);
    clearTimeout(grace);
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const job = await this.claim();
      if (job === undefined) {
        await this.idle();
      } else {
        await this.runner.run(job, this.stopping.signal).catch((error: unknown) => {
          this.options.logger.error({ err: error, jobId: job.id }, 'job runner crashed');
        });
      }
    }
  }

  private async claim(): Promise<Job | undefined> {
    const now = this.options.clock.now();
    const leaseUntil = new Date(now.getTime() + (this.options.leaseMs ?? 60_000));
    try {
      return await this.options.db.repos.jobs.claimNext(
        this.options.workerId,
        now,
        leaseUntil,
        Object.keys(this.options.catalogue),
      );
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not claim a job; retrying');
      return undefined;
    }
  }

  private renew(job: Job): Promise<boolean> {
    const leaseUntil = new Date(
      this.options.clock.now().getTime() + (this.options.leaseMs ?? 60_000),
    );
    return this.options.db.repos.jobs.renewLease(job.id, this.options.workerId, leaseUntil);
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.options.pollMs ?? 1_000);
      this.wakers.add(done);
    });
  }

  private wake(): void {
    for (const waker of [...this.wakers]) {
      waker();
    }
  }
}
