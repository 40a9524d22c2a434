/**
 * Every job the program knows: payload schema, attempts, backoff and its one handler. A typed
 * `Record<JobName, …>`, so a job name without a handler (or a handler without a name) does not
 * compile. Handlers are thin: validate, call one service, report progress.
 */
import { z } from 'zod';
import type { ReleaseDeliveryService } from '../services/release-delivery.service.js';
import { deliverHandler } from './handlers/deliver.handler.js';
import { exponentialBackoff, type JobDefinition } from './catalogue-types.js';
import type { JobName, JobPayloads } from './ports.js';

export interface HandlerServices {
  releaseDelivery: ReleaseDeliveryService;
}

export type Catalogue = { readonly [N in JobName]: JobDefinition<JobPayloads[N]> };

export function createCatalogue(services: HandlerServices): Catalogue {
  return {
    'release.deliver': {
      schema: z.object({
        releaseDir: z.string().min(1),
        destinationIds: z.array(z.uuid()).min(1),
        releaseId: z.uuid().nullable().optional(),
      }),
      maxAttempts: 3,
      backoffMs: exponentialBackoff(30_000),
      handler: (context) => deliverHandler(services.releaseDelivery, context),
    },
  };
}
