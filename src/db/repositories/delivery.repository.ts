import type { Delivery } from '../../domain/entities.js';
import { createCodec } from '../codec.js';
import { withDbErrors } from '../errors.js';
import type { DeliveryRepository } from '../ports.js';
import type { DeliveriesTable } from '../tables.js';
import type { Db } from './shared.js';

const codec = createCodec<Delivery, DeliveriesTable>({
  createdAt: 'date',
  startedAt: 'date',
  completedAt: 'date',
});

export function createDeliveryRepository(db: Db): DeliveryRepository {
  const findById = async (id: string) => {
    const row = await db
      .selectFrom('deliveries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && codec.decode(row);
  };

  const repository: DeliveryRepository = {
    async create(delivery) {
      await db.insertInto('deliveries').values(codec.encode(delivery)).execute();
      return (await findById(delivery.id)) ?? delivery;
    },
    findById,
    async update(id, patch) {
      const values = codec.encodePatch(patch);
      if (Object.keys(values).length > 0) {
        await db.updateTable('deliveries').set(values).where('id', '=', id).execute();
      }
      return findById(id);
    },
    async list(filter) {
      let query = db.selectFrom('deliveries').selectAll();
      if (filter.jobId !== undefined) {
        query = query.where('jobId', '=', filter.jobId);
      }
      if (filter.releaseId !== undefined) {
        query = query.where('releaseId', '=', filter.releaseId);
      }
      if (filter.destinationId !== undefined) {
        query = query.where('destinationId', '=', filter.destinationId);
      }
      const rows = await query.orderBy('createdAt', 'desc').orderBy('id', 'desc').execute();
      return rows.map((row) => codec.decode(row));
    },
  };
  return withDbErrors('deliveries', repository);
}
