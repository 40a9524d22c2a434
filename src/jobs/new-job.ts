/** The row a new job starts as. */
import type { Job } from '../domain/entities.js';
import type { AnyCatalogue } from './catalogue-types.js';
import type { EnqueueRequest } from './ports.js';

export function newJobRow(
  request: EnqueueRequest,
  catalogue: AnyCatalogue,
  id: string,
  now: Date,
): Job {
  return {
    id,
    userId: request.userId,
    name: request.name,
    status: 'pending',
    releaseType: request.releaseType ?? null,
    groupName: request.groupName ?? null,
    releaseName: request.releaseName ?? null,
    payload: request.payload,
    result: null,
    progress: 0,
    progressMessage: null,
    attempts: 0,
    maxAttempts: request.maxAttempts ?? catalogue[request.name]?.maxAttempts ?? 1,
    errorCode: null,
    errorMessage: null,
    cancelRequested: false,
    runAfter: request.runAfter ?? now,
    lockedBy: null,
    lockedUntil: null,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    completedAt: null,
  };
}
