/**
 * `GET /api/jobs/:id/events`: server-sent events while a job runs — `progress` (status, percent,
 * message) when it changes, `log` for every new line, `end` when the job has finished. Polls the
 * database, so it works whichever process runs the job.
 */
import type { FastifyReply } from 'fastify';
import type { Job } from '../../../domain/entities.js';
import type { JobsService } from '../../../services/jobs.service.js';
import type { Caller } from '../../../services/context.js';

const FINISHED = new Set(['completed', 'failed', 'cancelled']);

function send(reply: FastifyReply, event: string, data: unknown): void {
  reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

function progressOf(job: Job): string {
  return JSON.stringify([job.status, job.progress, job.progressMessage]);
}

export async function streamJobEvents(
  reply: FastifyReply,
  jobs: JobsService,
  caller: Caller,
  id: string,
  intervalMs = 1000,
): Promise<void> {
  await jobs.get(caller, id);
  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const connection = { open: true };
  reply.raw.on('close', () => {
    connection.open = false;
  });
  let lastLog = 0;
  let lastProgress = '';
  while (connection.open) {
    const job = await jobs.get(caller, id);
    for (const line of await jobs.logs(caller, id, lastLog)) {
      send(reply, 'log', line);
      lastLog = line.id;
    }
    if (progressOf(job) !== lastProgress) {
      lastProgress = progressOf(job);
      send(reply, 'progress', {
        status: job.status,
        progress: job.progress,
        message: job.progressMessage,
      });
    }
    if (FINISHED.has(job.status)) {
      send(reply, 'end', {
        status: job.status,
        errorCode: job.errorCode,
        errorMessage: job.errorMessage,
      });
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  reply.raw.end();
}
