import type { Delivery } from '../../src/domain/entities.js';
import type { Repositories } from '../../src/db/ports.js';
import { createDestination } from './destination.js';
import { newId, nextDate } from './sequence.js';

export function buildDelivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: newId(),
    jobId: null,
    releaseId: null,
    destinationId: newId(),
    status: 'pending',
    bytesSent: 0,
    bytesTotal: 52_428_800,
    attempts: 0,
    errorCode: null,
    errorMessage: null,
    createdAt: nextDate(),
    startedAt: null,
    completedAt: null,
    ...overrides,
  };
}

/** Inserts a delivery; creates its destination (and that one's user) when not given. */
export async function createDelivery(
  repos: Pick<Repositories, 'users' | 'destinations' | 'deliveries'>,
  overrides: Partial<Delivery> = {},
): Promise<Delivery> {
  const destinationId = overrides.destinationId ?? (await createDestination(repos)).id;
  return repos.deliveries.create(buildDelivery({ ...overrides, destinationId }));
}
