import type { Preference } from '../../domain/entities.js';
import type { Scope } from '../../domain/enums.js';
import { createCodec } from '../codec.js';
import { dialectOf } from '../dialect.js';
import { withDbErrors } from '../errors.js';
import type { PreferenceRepository } from '../ports.js';
import type { PreferencesTable } from '../tables.js';
import { affected, ownerKey, type Db } from './shared.js';

const codec = createCodec<Preference, PreferencesTable, 'ownerKey'>(
  { value: 'json', createdAt: 'date', updatedAt: 'date' },
  ['ownerKey'],
);

export function createPreferenceRepository(db: Db): PreferenceRepository {
  const owned = (scope: Scope, userId: string | null) =>
    db
      .selectFrom('preferences')
      .selectAll()
      .where('scope', '=', scope)
      .where('ownerKey', '=', ownerKey(userId));
  const find = async (scope: Scope, userId: string | null, key: string) => {
    const row = await owned(scope, userId).where('key', '=', key).executeTakeFirst();
    return row && codec.decode(row);
  };

  const repository: PreferenceRepository = {
    find,
    async list(scope, userId) {
      const rows = await owned(scope, userId).execute();
      // Sorted here, by code unit: text ORDER BY depends on each server's collation.
      return rows.map((row) => codec.decode(row)).sort((a, b) => (a.key < b.key ? -1 : 1));
    },
    async upsert(preference) {
      const row = { ...codec.encode(preference), ownerKey: ownerKey(preference.userId) };
      const changes = { value: row.value, updatedAt: row.updatedAt };
      const insert = db.insertInto('preferences').values(row);
      await (
        dialectOf(db) === 'mysql'
          ? insert.onDuplicateKeyUpdate(changes)
          : insert.onConflict((oc) => oc.columns(['scope', 'ownerKey', 'key']).doUpdateSet(changes))
      ).execute();
      return (await find(preference.scope, preference.userId, preference.key)) ?? preference;
    },
    async delete(scope, userId, key) {
      const result = await db
        .deleteFrom('preferences')
        .where('scope', '=', scope)
        .where('ownerKey', '=', ownerKey(userId))
        .where('key', '=', key)
        .executeTakeFirst();
      return affected(result) > 0;
    },
  };
  return withDbErrors('preferences', repository);
}
