import type { Release } from '../../domain/entities.js';
import { RELEASE_TYPES, type ReleaseType } from '../../domain/enums.js';
import { createCodec } from '../codec.js';
import { withDbErrors } from '../errors.js';
import type { ReleaseRepository } from '../ports.js';
import type { ReleasesTable } from '../tables.js';
import {
  contains,
  countsFor,
  deleteById,
  pageOf,
  updateById,
  type Count,
  type Db,
} from './shared.js';

const codec = createCodec<Release, ReleasesTable>({
  metadata: 'json',
  createdAt: 'date',
  updatedAt: 'date',
});

interface ReleaseFilter {
  userId?: string;
  type?: ReleaseType;
  groupName?: string;
  search?: string;
}

function filtered(db: Db, filter: ReleaseFilter) {
  let query = db.selectFrom('releases');
  if (filter.userId !== undefined) {
    query = query.where('userId', '=', filter.userId);
  }
  if (filter.type !== undefined) {
    query = query.where('type', '=', filter.type);
  }
  if (filter.groupName !== undefined) {
    query = query.where('groupName', '=', filter.groupName);
  }
  if (filter.search !== undefined && filter.search !== '') {
    query = query.where(contains('name', filter.search));
  }
  return query;
}

async function findBy(db: Db, column: 'id' | 'name', value: string) {
  const row = await db
    .selectFrom('releases')
    .selectAll()
    .where(column, '=', value)
    .executeTakeFirst();
  return row && codec.decode(row);
}

async function countByType(db: Db): Promise<Record<ReleaseType, number>> {
  const rows = await db
    .selectFrom('releases')
    .select((eb) => ['type as key', eb.fn.countAll<Count>().as('count')])
    .groupBy('type')
    .execute();
  return countsFor(RELEASE_TYPES, rows);
}

async function totalBytes(db: Db): Promise<number> {
  const row = await db
    .selectFrom('releases')
    .select((eb) => eb.fn.sum<Count | null>('sizeBytes').as('total'))
    .executeTakeFirstOrThrow();
  // SUM is numeric on PostgreSQL (a string) and NULL on an empty table.
  return Number(row.total ?? 0);
}

export function createReleaseRepository(db: Db): ReleaseRepository {
  return withDbErrors('releases', {
    async create(release) {
      await db.insertInto('releases').values(codec.encode(release)).execute();
      return (await findBy(db, 'id', release.id)) ?? release;
    },
    findById: (id) => findBy(db, 'id', id),
    findByName: (name) => findBy(db, 'name', name),
    list: (filter, page) => pageOf(filtered(db, filter), page, codec.decode),
    async update(id, patch) {
      await updateById(db, 'releases', id, codec.encodePatch(patch));
      return findBy(db, 'id', id);
    },
    delete: (id) => deleteById(db, 'releases', id),
    countByType: () => countByType(db),
    totalBytes: () => totalBytes(db),
  } satisfies ReleaseRepository);
}
