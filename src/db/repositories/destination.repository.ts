import type { Destination } from '../../domain/entities.js';
import { createCodec } from '../codec.js';
import { withDbErrors } from '../errors.js';
import type { DestinationRepository } from '../ports.js';
import type { DestinationsTable } from '../tables.js';
import { deleteById, pageOf, updateById, type Db } from './shared.js';

const codec = createCodec<Destination, DestinationsTable>({
  passive: 'flag',
  enabled: 'flag',
  createdAt: 'date',
  updatedAt: 'date',
});

interface DestinationFilter {
  userId?: string;
  groupName?: string;
  enabled?: boolean;
}

function filtered(db: Db, filter: DestinationFilter) {
  let query = db.selectFrom('destinations');
  if (filter.userId !== undefined) {
    query = query.where('userId', '=', filter.userId);
  }
  if (filter.groupName !== undefined) {
    query = query.where('groupName', '=', filter.groupName);
  }
  if (filter.enabled !== undefined) {
    query = query.where('enabled', '=', filter.enabled ? 1 : 0);
  }
  return query;
}

async function findById(db: Db, id: string) {
  const row = await db
    .selectFrom('destinations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && codec.decode(row);
}

export function createDestinationRepository(db: Db): DestinationRepository {
  return withDbErrors('destinations', {
    async create(destination) {
      await db.insertInto('destinations').values(codec.encode(destination)).execute();
      return (await findById(db, destination.id)) ?? destination;
    },
    findById: (id) => findById(db, id),
    async findByName(userId, name) {
      const row = await filtered(db, { userId })
        .selectAll()
        .where('name', '=', name)
        .executeTakeFirst();
      return row && codec.decode(row);
    },
    list: (filter, page) => pageOf(filtered(db, filter), page, codec.decode),
    async update(id, patch) {
      await updateById(db, 'destinations', id, codec.encodePatch(patch));
      return findById(db, id);
    },
    delete: (id) => deleteById(db, 'destinations', id),
    async all() {
      const rows = await db
        .selectFrom('destinations')
        .selectAll()
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(codec.decode);
    },
  } satisfies DestinationRepository);
}
