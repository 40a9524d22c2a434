/**
 * What services may ask of the job system: put a job in the queue inside their own transaction.
 * The job row is written in that transaction and dispatched only after it commits, so a job never
 * runs before (or without) the data it works on. The `jobs` table is the truth about every job,
 * whatever driver runs it (in-process `local`, Redis `bullmq`, or `inline` for tests and --sync).
 */
import type { Job } from '../domain/entities.js';
import type { JsonObject, ReleaseType } from '../domain/enums.js';
import type { TransactionScope } from '../db/ports.js';

/** Payloads carry ids and small flags; handlers re-read rows (they may have changed). */
export interface JobPayloads {
  /** Upload a release folder to destinations, in Scene order. */
  'release.deliver': { releaseDir: string; destinationIds: string[]; releaseId?: string | null };
}

export type JobName = keyof JobPayloads;

export interface EnqueueRequest<N extends JobName = JobName> {
  name: N;
  payload: JobPayloads[N];
  /** The user the job acts for (permissions are checked again when it runs). */
  userId: string;
  releaseType?: ReleaseType | null;
  groupName?: string | null;
  releaseName?: string | null;
  /** Overrides the catalogue's attempt count. */
  maxAttempts?: number;
  /** Earliest start; now by default. */
  runAfter?: Date;
}

export interface JobQueue {
  readonly driver: 'local' | 'bullmq' | 'inline';
  /** Writes the job row in `tx` and dispatches it after commit. Returns the row as written. */
  enqueue<N extends JobName>(tx: TransactionScope, request: EnqueueRequest<N>): Promise<Job>;
  /** Dispatches an existing row again after it was set back to `pending` (retry). */
  requeue(job: Job): Promise<void>;
  /** Starts processing jobs in this process (servers and workers; not CLI one-shots). */
  start(): Promise<void>;
  /** Stops taking jobs, lets running ones finish for a grace period, then hands them back. */
  stop(): Promise<void>;
}

export type JobPayload = JsonObject;
