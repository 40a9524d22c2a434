/**
 * The scale-out driver: the job row is written in the database as always, and only its id
 * travels through Redis (BullMQ) to whichever `scenepacker worker` takes it. Retries are
 * scheduled by re-adding the id with a delay; BullMQ's own retry is off so the row stays the
 * truth. On start, runnable rows that Redis does not know (lost enqueue, flushed Redis) are sent again.
 */
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Job } from '../../domain/entities.js';
import type { Database, TransactionScope } from '../../db/ports.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { AnyCatalogue } from '../catalogue-types.js';
import { newJobRow } from '../new-job.js';
import type { EnqueueRequest, JobName, JobQueue } from '../ports.js';
import { JobRunner } from '../runner.js';

export interface BullQueueOptions {
  db: Database;
  catalogue: AnyCatalogue;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  redisUrl: string;
  concurrency: number;
  /** Only workers run jobs; the web process may just enqueue. */
  work: boolean;
  queueName?: string;
}

interface Message {
  jobId: string;
}

function connectionFrom(url: string): ConnectionOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password || undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
  };
}

export class BullMqJobQueue implements JobQueue {
  readonly driver = 'bullmq' as const;
  private readonly queue: Queue<Message>;
  private worker: Worker<Message> | undefined;
  private readonly runner: JobRunner;
  private readonly stopping = new AbortController();

  constructor(private readonly options: BullQueueOptions) {
    this.queue = new Queue<Message>(options.queueName ?? 'scenepacker', {
      connection: connectionFrom(options.redisUrl),
    });
    this.runner = new JobRunner(options);
  }

  async enqueue<N extends JobName>(tx: TransactionScope, request: EnqueueRequest<N>): Promise<Job> {
    const row = await tx.jobs.create(
      newJobRow(request, this.options.catalogue, this.options.newId(), this.options.clock.now()),
    );
    tx.afterCommit(() => this.send(row, 0));
    return row;
  }

  requeue(job: Job): Promise<void> {
    return this.send(job, 0);
  }

  async start(): Promise<void> {
    await this.resendRunnable();
    if (!this.options.work || this.worker !== undefined) {
      return;
    }
    this.worker = new Worker<Message>(
      this.queue.name,
      (message) => this.process(message.data.jobId),
      {
        connection: connectionFrom(this.options.redisUrl),
        concurrency: this.options.concurrency,
      },
    );
    this.worker.on('error', (error) => {
      this.options.logger.warn({ err: error }, 'bullmq worker error');
    });
  }

  async stop(): Promise<void> {
    this.stopping.abort('shutdown');
    await this.worker?.close();
    await this.queue.close();
  }

  private async send(job: Job, delayMs: number): Promise<void> {
    await this.queue.add(
      job.name,
      { jobId: job.id },
      {
        jobId: `${job.id}-${job.attempts}`,
        delay: delayMs,
        removeOnComplete: true,
        removeOnFail: 1000,
        attempts: 1,
      },
    );
  }

  private async process(jobId: string): Promise<void> {
    const { jobs } = this.options.db.repos;
    const current = await jobs.findById(jobId);
    if (
      current === undefined ||
      current.status === 'completed' ||
      current.status === 'failed' ||
      current.status === 'cancelled'
    ) {
      return;
    }
    const now = this.options.clock.now();
    const job = await jobs.update(jobId, {
      status: 'running',
      attempts: current.attempts + 1,
      startedAt: current.startedAt ?? now,
      updatedAt: now,
    });
    const outcome =
      job === undefined ? undefined : await this.runner.run(job, this.stopping.signal);
    if (outcome?.kind === 'retry' && job !== undefined) {
      await this.send(job, outcome.delayMs);
    }
  }

  /** Pending rows past their start time go to Redis again; the BullMQ job id prevents doubles. */
  private async resendRunnable(): Promise<void> {
    const pending = await this.options.db.repos.jobs.list(
      { status: 'pending' },
      { limit: 500, offset: 0 },
    );
    const now = this.options.clock.now().getTime();
    for (const job of pending.items) {
      await this.send(job, Math.max(0, job.runAfter.getTime() - now));
    }
  }
}
