/**
 * Runs one job: validates its payload, re-reads its user, hands the handler a context with
 * progress, logs and an abort signal, and records the outcome on the job row. Retryable failures
 * come back as `retry` (the driver schedules the next attempt); cancellation and shutdown are told
 * apart so a job interrupted by a restart runs again instead of being lost.
 */
import type { Job } from '../domain/entities.js';
import type { JsonValue, LogLevel } from '../domain/enums.js';
import type { Database } from '../db/ports.js';
import type { Clock } from '../shared/clock.js';
import { AppError, isAppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { AnyCatalogue, JobContext } from './catalogue-types.js';

export type RunOutcome =
  | { kind: 'completed' }
  | { kind: 'failed'; code: string }
  | { kind: 'cancelled' }
  | { kind: 'retry'; delayMs: number }
  | { kind: 'interrupted' }
  | { kind: 'skipped'; reason: string };

export interface RunnerDeps {
  db: Database;
  catalogue: AnyCatalogue;
  clock: Clock;
  logger: Logger;
  /** How often a running job checks for cancellation (and renews its lease). */
  watchIntervalMs?: number;
  /** Called while the job runs, e.g. to renew a lease; false means the job was taken away. */
  keepAlive?: (job: Job) => Promise<boolean>;
}

const SHUTDOWN = 'shutdown';
const PROGRESS_EVERY_MS = 500;

export class JobRunner {
  constructor(private readonly deps: RunnerDeps) {}

  /** Runs `job` (already leased or handed over by the driver). `stop` aborts it for a shutdown. */
  async run(job: Job, stop?: AbortSignal): Promise<RunOutcome> {
    const definition = this.deps.catalogue[job.name];
    if (definition === undefined) {
      return this.finish(job, 'failed', {
        code: 'internal.unexpected',
        message: `No handler for job "${job.name}"`,
      });
    }
    const user = await this.deps.db.repos.users.findById(job.userId);
    if (!user || user.disabled) {
      return this.finish(job, 'failed', {
        code: 'auth.account_disabled',
        message: 'The job’s user is disabled or gone',
      });
    }
    const parsed = definition.schema.safeParse(job.payload);
    if (!parsed.success) {
      return this.finish(job, 'failed', {
        code: 'validation.failed',
        message: `Invalid payload: ${parsed.error.message}`,
      });
    }
    const controller = new AbortController();
    const onStop = (): void => {
      controller.abort(SHUTDOWN);
    };
    stop?.addEventListener('abort', onStop, { once: true });
    const watcher = this.watch(job, controller);
    try {
      await this.log(job.id, 'INFO', `Started (attempt ${job.attempts} of ${job.maxAttempts})`);
      const context = this.context(
        job,
        parsed.data,
        { actor: { id: user.id, role: user.role } },
        controller.signal,
      );
      const result = (await definition.handler(context)) ?? null;
      return await this.finish(job, 'completed', undefined, result);
    } catch (error) {
      return await this.failure(job, error, controller.signal, definition.backoffMs(job.attempts));
    } finally {
      clearInterval(watcher);
      stop?.removeEventListener('abort', onStop);
    }
  }

  private context<P>(
    job: Job,
    payload: P,
    caller: JobContext<P>['caller'],
    signal: AbortSignal,
  ): JobContext<P> {
    let lastWrite = 0;
    return {
      job,
      payload,
      caller,
      signal,
      progress: async (percent, message) => {
        const now = this.deps.clock.now().getTime();
        if (now - lastWrite < PROGRESS_EVERY_MS && percent < 100) {
          return;
        }
        lastWrite = now;
        const progress = Math.max(0, Math.min(100, Math.round(percent * 10) / 10));
        await this.deps.db.repos.jobs.update(job.id, {
          progress,
          progressMessage: message ?? null,
          updatedAt: this.deps.clock.now(),
        });
      },
      log: (level, message) => this.log(job.id, level, message),
    };
  }

  /** Aborts the job when its row says cancel, or when the driver lost its lease. */
  private watch(job: Job, controller: AbortController): NodeJS.Timeout {
    return setInterval(() => {
      void (async () => {
        const row = await this.deps.db.repos.jobs.findById(job.id).catch(() => undefined);
        if (row?.cancelRequested === true) {
          controller.abort('cancelled');
        } else if (this.deps.keepAlive && !(await this.deps.keepAlive(job).catch(() => true))) {
          controller.abort(SHUTDOWN);
        }
      })();
    }, this.deps.watchIntervalMs ?? 2_000);
  }

  private async failure(
    job: Job,
    error: unknown,
    signal: AbortSignal,
    delayMs: number,
  ): Promise<RunOutcome> {
    if (signal.aborted) {
      if (signal.reason === SHUTDOWN) {
        await this.log(job.id, 'WARNING', 'Interrupted by a shutdown; it will run again');
        await this.deps.db.repos.jobs.update(job.id, {
          status: 'pending',
          lockedBy: null,
          lockedUntil: null,
          attempts: Math.max(0, job.attempts - 1),
          updatedAt: this.deps.clock.now(),
        });
        return { kind: 'interrupted' };
      }
      return this.finish(job, 'cancelled', {
        code: 'job.cancelled',
        message: 'Cancelled by the user',
      });
    }
    const appError = isAppError(error) ? error : undefined;
    const summary = {
      code: appError?.code ?? 'internal.unexpected',
      message: appError?.message ?? (error as Error).message,
    };
    if (!appError) {
      this.deps.logger.error({ err: error, jobId: job.id }, 'job failed unexpectedly');
    }
    if (appError?.retryable === true && job.attempts < job.maxAttempts) {
      await this.log(
        job.id,
        'WARNING',
        `Attempt ${job.attempts} failed (${summary.code}: ${summary.message}); next attempt in ${Math.round(delayMs / 1000)} s`,
      );
      const runAfter = new Date(this.deps.clock.now().getTime() + delayMs);
      await this.deps.db.repos.jobs.update(job.id, {
        status: 'pending',
        runAfter,
        lockedBy: null,
        lockedUntil: null,
        errorCode: summary.code,
        errorMessage: summary.message,
        updatedAt: this.deps.clock.now(),
      });
      return { kind: 'retry', delayMs };
    }
    return this.finish(job, 'failed', summary);
  }

  private async finish(
    job: Job,
    status: 'completed' | 'failed' | 'cancelled',
    error?: { code: string; message: string },
    result: JsonValue = null,
  ): Promise<RunOutcome> {
    const now = this.deps.clock.now();
    await this.deps.db.repos.jobs.update(job.id, {
      status,
      result,
      errorCode: error?.code ?? null,
      errorMessage: error?.message ?? null,
      progress: status === 'completed' ? 100 : job.progress,
      lockedBy: null,
      lockedUntil: null,
      completedAt: now,
      updatedAt: now,
    });
    await this.log(
      job.id,
      status === 'completed' ? 'INFO' : status === 'cancelled' ? 'WARNING' : 'ERROR',
      status === 'completed'
        ? 'Completed'
        : `${status === 'failed' ? 'Failed' : 'Cancelled'}: ${error?.message ?? ''}`,
    );
    if (status === 'completed') {
      return { kind: 'completed' };
    }
    return status === 'cancelled'
      ? { kind: 'cancelled' }
      : { kind: 'failed', code: error?.code ?? 'internal.unexpected' };
  }

  private async log(jobId: string, level: LogLevel, message: string): Promise<void> {
    await this.deps.db.repos.jobLogs.append(
      jobId,
      level,
      message.slice(0, 4000),
      this.deps.clock.now(),
    );
  }
}

/** Thrown by handlers when they notice the signal; the runner turns it into the right status. */
export function abortedError(signal: AbortSignal): AppError {
  return new AppError(
    'job.cancelled',
    signal.reason === SHUTDOWN ? 'Interrupted by a shutdown' : 'Cancelled by the user',
  );
}
