/**
 * Jobs for the journeys, written straight into the running server's SQLite database through the
 * app's own repositories (there is no API that creates a job; jobs come from packing and
 * delivery). The job name is not in the job catalogue, so the server's embedded worker never
 * claims these rows: the test plays the worker, appending log lines and finishing the job while
 * the page watches.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createDatabase, type SqlDatabase } from '../../src/db/connect.js';
import type { Job, JobLog } from '../../src/domain/entities.js';

export const SEEDED_JOB_NAME = 'e2e.seeded';

export interface SeedJob {
  userId: string;
  status: Job['status'];
  releaseName: string;
  progress?: number;
  progressMessage?: string | null;
  logs?: string[];
  artifacts?: { path: string; kind: string; sizeBytes: number; crc32: string | null }[];
}

export interface JobSeeder {
  create: (job: SeedJob) => Promise<string>;
  log: (jobId: string, level: JobLog['level'], message: string) => Promise<void>;
  update: (jobId: string, patch: Partial<Job>) => Promise<void>;
  status: (jobId: string) => Promise<Job['status'] | undefined>;
  close: () => Promise<void>;
}

function jobRow(input: SeedJob, now: Date): Job {
  const started = input.status === 'pending' ? null : now;
  return {
    id: randomUUID(),
    userId: input.userId,
    name: SEEDED_JOB_NAME,
    status: input.status,
    releaseType: 'EBOOK',
    groupName: 'SCNPK',
    releaseName: input.releaseName,
    payload: {},
    result: null,
    progress: input.progress ?? 0,
    progressMessage: input.progressMessage ?? null,
    attempts: started ? 1 : 0,
    maxAttempts: 3,
    errorCode: null,
    errorMessage: null,
    cancelRequested: false,
    runAfter: now,
    lockedBy: null,
    lockedUntil: null,
    createdAt: now,
    updatedAt: now,
    startedAt: started,
    completedAt: null,
  };
}

async function createJob(db: SqlDatabase, input: SeedJob): Promise<string> {
  const now = new Date();
  const job = await db.repos.jobs.create(jobRow(input, now));
  for (const message of input.logs ?? []) {
    await db.repos.jobLogs.append(job.id, 'INFO', message, new Date());
  }
  await db.repos.artifacts.createMany(
    (input.artifacts ?? []).map((artifact) => ({
      ...artifact,
      id: randomUUID(),
      jobId: job.id,
      releaseId: null,
      createdAt: now,
    })),
  );
  return job.id;
}

/** Opens the server's database (WAL mode: the server keeps working while the test writes). */
export function openJobSeeder(dataDir: string): JobSeeder {
  const db = createDatabase({ dialect: 'sqlite', url: join(dataDir, 'e2e.db') });
  return {
    create: (job) => createJob(db, job),
    log: (jobId, level, message) => db.repos.jobLogs.append(jobId, level, message, new Date()),
    update: async (jobId, patch) => {
      await db.repos.jobs.update(jobId, { ...patch, updatedAt: new Date() });
    },
    status: async (jobId) => (await db.repos.jobs.findById(jobId))?.status,
    close: () => db.close(),
  };
}
