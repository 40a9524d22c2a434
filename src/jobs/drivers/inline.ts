/**
 * Runs each job right after the enqueuing transaction commits, in the caller's process, with no
 * polling and no lease. For tests and the CLI's `--sync`, which await `drain()` to know every
 * job has ended. Retries run at once (no waiting).
 */
import type { Job } from '../../domain/entities.js';
import type { Database, TransactionScope } from '../../db/ports.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { AnyCatalogue } from '../catalogue-types.js';
import { newJobRow } from '../new-job.js';
import type { EnqueueRequest, JobName, JobQueue } from '../ports.js';
import { JobRunner } from '../runner.js';

export interface InlineQueueOptions {
  db: Database;
  catalogue: AnyCatalogue;
  clock: Clock;
  logger: Logger;
  newId: () => string;
}

export class InlineJobQueue implements JobQueue {
  readonly driver = 'inline' as const;
  private readonly runner: JobRunner;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: InlineQueueOptions) {
    this.runner = new JobRunner(options);
  }

  async enqueue<N extends JobName>(tx: TransactionScope, request: EnqueueRequest<N>): Promise<Job> {
    const row = await tx.jobs.create(
      newJobRow(request, this.options.catalogue, this.options.newId(), this.options.clock.now()),
    );
    tx.afterCommit(() => {
      this.track(this.runToEnd(row.id));
    });
    return row;
  }

  requeue(job: Job): Promise<void> {
    this.track(this.runToEnd(job.id));
    return Promise.resolve();
  }

  /** Resolves when every job started so far has ended. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.all([...this.inFlight]);
    }
  }

  private track(run: Promise<void>): void {
    const tracked = run
      .catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'inline job crashed');
      })
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return this.drain();
  }

  private async runToEnd(id: string): Promise<void> {
    const { jobs } = this.options.db.repos;
    for (;;) {
      const current = await jobs.findById(id);
      if (current === undefined) {
        return;
      }
      const now = this.options.clock.now();
      const job = await jobs.update(id, {
        status: 'running',
        attempts: current.attempts + 1,
        startedAt: current.startedAt ?? now,
        updatedAt: now,
      });
      if (job === undefined || (await this.runner.run(job)).kind !== 'retry') {
        return;
      }
    }
  }
}
