/**
 * The shape of a job definition: how to validate its payload, how often to try, and the one
 * handler that does the work. Handlers receive a context and never know which driver runs them.
 */
import type { z } from 'zod';
import type { Job } from '../domain/entities.js';
import type { JsonValue, LogLevel } from '../domain/enums.js';
import type { Caller } from '../services/context.js';

export interface JobContext<P> {
  job: Job;
  payload: P;
  /** The job's user, as they are now (role re-read when the job starts). */
  caller: Caller;
  /** Aborted when the user cancels the job or the worker shuts down. */
  signal: AbortSignal;
  /** 0–100; written at most every few hundred milliseconds, the last call always. */
  progress(percent: number, message?: string): Promise<void>;
  log(level: LogLevel, message: string): Promise<void>;
}

export interface JobDefinition<P> {
  schema: z.ZodType<P>;
  maxAttempts: number;
  /** Pause before attempt `attempt + 1` after `attempt` failed with a retryable error. */
  backoffMs(attempt: number): number;
  handler(context: JobContext<P>): Promise<JsonValue>;
}

/** A catalogue of any payload types (the runner validates payloads with each schema). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- payload types vary per job name
export type AnyDefinition = JobDefinition<any>;
export type AnyCatalogue = Readonly<Record<string, AnyDefinition>>;

export function exponentialBackoff(
  baseMs: number,
  maxMs = 10 * 60_000,
): (attempt: number) => number {
  return (attempt) => Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
