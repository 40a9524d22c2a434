/** Picks the job driver from the configuration and builds the catalogue over the services. */
import { hostname } from 'node:os';
import type { Config } from '../config/schema.js';
import type { Database } from '../db/ports.js';
import { createCatalogue, type HandlerServices } from '../jobs/catalogue.js';
import { BullMqJobQueue } from '../jobs/drivers/bullmq.js';
import { InlineJobQueue } from '../jobs/drivers/inline.js';
import { LocalJobQueue } from '../jobs/drivers/local.js';
import type { JobQueue } from '../jobs/ports.js';
import type { Runtime } from '../services/context.js';
import { AppError } from '../shared/errors.js';

export interface QueueChoice {
  /** Whether this process runs jobs (servers with the local driver, workers) or only enqueues. */
  work: boolean;
}

export function createJobQueue(
  config: Config,
  db: Database,
  runtime: Runtime,
  services: HandlerServices,
  choice: QueueChoice,
): JobQueue {
  const base = {
    db,
    catalogue: createCatalogue(services),
    clock: runtime.clock,
    logger: runtime.logger,
    newId: runtime.newId,
  };
  switch (config.jobs.driver) {
    case 'inline':
      return new InlineJobQueue(base);
    case 'local':
      return new LocalJobQueue({
        ...base,
        workerId: `${hostname()}:${process.pid}`,
        concurrency: config.jobs.concurrency,
      });
    case 'bullmq':
      if (config.redisUrl === undefined) {
        throw new AppError('config.invalid', 'SCENEPACKER_JOB_DRIVER=bullmq needs REDIS_URL');
      }
      return new BullMqJobQueue({
        ...base,
        redisUrl: config.redisUrl,
        concurrency: config.jobs.concurrency,
        work: choice.work,
      });
  }
}
