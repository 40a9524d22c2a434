import { randomUUID } from 'node:crypto';
import { InlineJobQueue } from '../../../src/jobs/drivers/inline.js';
import { systemClock } from '../../../src/shared/clock.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { runQueueContract, testCatalogue } from './queue-contract.js';

runQueueContract('inline', (db) =>
  Promise.resolve(
    new InlineJobQueue({
      db,
      catalogue: testCatalogue,
      clock: systemClock,
      logger: silentLogger,
      newId: randomUUID,
    }),
  ),
);
