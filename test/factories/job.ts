import type { Job } from '../../src/domain/entities.js';
import type { Repositories } from '../../src/db/ports.js';
import { newId, nextDate } from './sequence.js';
import { ownerId } from './user.js';

export function buildJob(overrides: Partial<Job> = {}): Job {
  const at = nextDate();
  return {
    id: newId(),
    userId: newId(),
    name: 'release.package',
    status: 'pending',
    releaseType: 'EBOOK',
    groupName: 'SCENE',
    releaseName: null,
    payload: { input: '/data/in/book.epub' },
    result: null,
    progress: 0,
    progressMessage: null,
    attempts: 0,
    maxAttempts: 3,
    errorCode: null,
    errorMessage: null,
    cancelRequested: false,
    runAfter: at,
    lockedBy: null,
    lockedUntil: null,
    createdAt: at,
    updatedAt: at,
    startedAt: null,
    completedAt: null,
    ...overrides,
  };
}

/** Inserts a job; creates its user when `userId` is not given. */
export async function createJob(
  repos: Pick<Repositories, 'users' | 'jobs'>,
  overrides: Partial<Job> = {},
): Promise<Job> {
  const userId = await ownerId(repos, overrides.userId);
  return repos.jobs.create(buildJob({ ...overrides, userId }));
}
