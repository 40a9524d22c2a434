/** /api/jobs: list, one job with its logs and artifacts, live events, cancel, retry, delete. */
import { z } from 'zod';
import type { JobsService } from '../../../services/jobs.service.js';
import type { Services } from '../../../services/registry.js';
import { callerOf } from '../../plugins/auth.js';
import { commonErrors, idParams, paged, successBody } from '../../schemas.js';
import { routePlugin, type TypedApp } from '../../typed.js';
import { streamJobEvents } from './events.js';
import { artifact, job, jobDetail, listQuery, logLine, logsQuery } from './schemas.js';

const tags = ['jobs'];

function registerReads(r: TypedApp, jobs: JobsService): void {
  r.get('/', {
    schema: {
      tags,
      summary: 'Jobs (operators: their own; viewers and admins: everyone’s)',
      querystring: listQuery,
      response: { 200: paged(job), ...commonErrors },
    },
    handler: async (request) => {
      const { limit, offset, type, ...filter } = request.query;
      return {
        ...(await jobs.list(
          callerOf(request),
          { ...filter, releaseType: type },
          { limit, offset },
        )),
        limit,
        offset,
      };
    },
  });
  r.get('/:id', {
    schema: {
      tags,
      summary: 'One job with its log lines and artifacts',
      params: idParams,
      response: { 200: jobDetail, ...commonErrors },
    },
    handler: async (request) => {
      const caller = callerOf(request);
      const [row, logs, artifacts] = await Promise.all([
        jobs.get(caller, request.params.id),
        jobs.logs(caller, request.params.id),
        jobs.artifacts(caller, request.params.id),
      ]);
      return { ...row, logs, artifacts };
    },
  });
}

function registerDetails(r: TypedApp, jobs: JobsService): void {
  r.get('/:id/logs', {
    schema: {
      tags,
      summary: 'Log lines in order (afterId: only newer ones)',
      params: idParams,
      querystring: logsQuery,
      response: { 200: z.object({ items: z.array(logLine) }), ...commonErrors },
    },
    handler: async (request) => ({
      items: await jobs.logs(callerOf(request), request.params.id, request.query.afterId),
    }),
  });
  r.get('/:id/artifacts', {
    schema: {
      tags,
      summary: 'Files the job produced',
      params: idParams,
      response: { 200: z.object({ items: z.array(artifact) }), ...commonErrors },
    },
    handler: async (request) => ({
      items: await jobs.artifacts(callerOf(request), request.params.id),
    }),
  });
  r.get('/:id/events', {
    schema: {
      tags,
      summary: 'Server-sent events: progress, log, end',
      params: idParams,
      response: { ...commonErrors },
    },
    handler: async (request, reply) => {
      await streamJobEvents(reply, jobs, callerOf(request), request.params.id);
    },
  });
}

function registerControl(r: TypedApp, jobs: JobsService): void {
  r.post('/:id/cancel', {
    schema: {
      tags,
      summary: 'Cancel a pending or running job',
      params: idParams,
      response: { 200: job, ...commonErrors },
    },
    handler: async (request) => jobs.cancel(callerOf(request), request.params.id),
  });
  r.post('/:id/retry', {
    schema: {
      tags,
      summary: 'Run a failed or cancelled job again',
      params: idParams,
      response: { 200: job, ...commonErrors },
    },
    handler: async (request) => jobs.retry(callerOf(request), request.params.id),
  });
  r.delete('/:id', {
    schema: {
      tags,
      summary: 'Delete a finished job and its log',
      params: idParams,
      response: { 200: successBody, ...commonErrors },
    },
    handler: async (request) => {
      await jobs.delete(callerOf(request), request.params.id);
      return { success: true as const };
    },
  });
}

export const jobRoutes = routePlugin<{ services: Services }>((r, { services }) => {
  registerReads(r, services.jobs);
  registerDetails(r, services.jobs);
  registerControl(r, services.jobs);
});
