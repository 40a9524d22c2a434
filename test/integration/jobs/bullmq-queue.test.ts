import { randomUUID } from 'node:crypto';
import { BullMqJobQueue } from '../../../src/jobs/drivers/bullmq.js';
import { systemClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { envOrSkip } from '../../support/tools.js';
import { runQueueContract, testCatalogue } from './queue-contract.js';

const redisUrl = envOrSkip('TEST_REDIS_URL');

runQueueContract(
  'bullmq',
  (db) =>
    Promise.resolve(
      new BullMqJobQueue({
        db,
        catalogue: testCatalogue,
        clock: systemClock,
        logger: silentLogger,
        newId: randomUUID,
        redisUrl: redisUrl ?? 'redis://127.0.0.1:6379',
        concurrency: 2,
        work: true,
        queueName: `test-${randomUUID().slice(0, 8)}`,
      }),
    ),
  redisUrl === undefined,
);
