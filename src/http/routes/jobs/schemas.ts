import { z } from 'zod';
import { JOB_STATUSES, LOG_LEVELS } from '../../../domain/enums.js';
import { jsonValue, releaseType } from '../../schemas.js';

export const listQuery = z.strictObject({
  status: z.enum(JOB_STATUSES).optional(),
  type: releaseType.optional(),
  userId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const logsQuery = z.strictObject({ afterId: z.coerce.number().int().min(0).optional() });

export const job = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    status: z.enum(JOB_STATUSES),
    releaseType: releaseType.nullable(),
    groupName: z.string().nullable(),
    releaseName: z.string().nullable(),
    payload: jsonValue,
    result: jsonValue,
    progress: z.number(),
    progressMessage: z.string().nullable(),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    cancelRequested: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
    startedAt: z.date().nullable(),
    completedAt: z.date().nullable(),
  })
  .meta({ id: 'Job' });

export const logLine = z
  .object({
    id: z.number().int(),
    level: z.enum(LOG_LEVELS),
    message: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'JobLog' });

export const artifact = z
  .object({
    id: z.string(),
    path: z.string(),
    kind: z.string(),
    sizeBytes: z.number(),
    crc32: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Artifact' });

export const jobDetail = job
  .extend({ logs: z.array(logLine), artifacts: z.array(artifact) })
  .meta({ id: 'JobDetail' });
