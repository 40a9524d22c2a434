import type { ApiConfig } from '../../domain/entities.js';
import { createCodec } from '../codec.js';
import { withDbErrors } from '../errors.js';
import type { ApiConfigRepository } from '../ports.js';
import type { ApiConfigsTable } from '../tables.js';
import { affected, ownerKey, type Db } from './shared.js';

const codec = createCodec<ApiConfig, ApiConfigsTable, 'ownerKey'>(
  { enabled: 'flag', createdAt: 'date', updatedAt: 'date' },
  ['ownerKey'],
);

export function createApiConfigRepository(db: Db): ApiConfigRepository {
  const select = () => db.selectFrom('apiConfigs').selectAll();
  const newestFirst = () => select().orderBy('createdAt', 'desc').orderBy('id', 'desc');
  const findById = async (id: string) => {
    const row = await select().where('id', '=', id).executeTakeFirst();
    return row && codec.decode(row);
  };

  const repository: ApiConfigRepository = {
    async create(config) {
      await db
        .insertInto('apiConfigs')
        .values({ ...codec.encode(config), ownerKey: ownerKey(config.userId) })
        .execute();
      return (await findById(config.id)) ?? config;
    },
    findById,
    async find(scope, userId, provider) {
      const row = await select()
        .where('scope', '=', scope)
        .where('ownerKey', '=', ownerKey(userId))
        .where('provider', '=', provider)
        .executeTakeFirst();
      return row && codec.decode(row);
    },
    async list(filter) {
      let query = newestFirst();
      if (filter.userId !== undefined) {
        query = query.where('ownerKey', 'in', [filter.userId, '']);
      }
      if (filter.provider !== undefined) {
        query = query.where('provider', '=', filter.provider);
      }
      return (await query.execute()).map((row) => codec.decode(row));
    },
    async update(id, patch) {
      const values = {
        ...codec.encodePatch(patch),
        ...(patch.userId === undefined ? {} : { ownerKey: ownerKey(patch.userId) }),
      };
      if (Object.keys(values).length > 0) {
        await db.updateTable('apiConfigs').set(values).where('id', '=', id).execute();
      }
      return findById(id);
    },
    async delete(id) {
      return (
        affected(await db.deleteFrom('apiConfigs').where('id', '=', id).executeTakeFirst()) > 0
      );
    },
    async all() {
      return (await newestFirst().execute()).map((row) => codec.decode(row));
    },
  };
  return withDbErrors('api_configs', repository);
}
