import type { MetadataCacheEntry } from '../../domain/entities.js';
import { createCodec } from '../codec.js';
import { dialectOf } from '../dialect.js';
import { withDbErrors } from '../errors.js';
import type { MetadataCacheRepository } from '../ports.js';
import type { MetadataCacheTable } from '../tables.js';
import { affected, type Db } from './shared.js';

const codec = createCodec<MetadataCacheEntry, MetadataCacheTable>({
  value: 'json',
  createdAt: 'date',
  expiresAt: 'date',
});

export function createMetadataCacheRepository(db: Db): MetadataCacheRepository {
  const repository: MetadataCacheRepository = {
    async get(key, now) {
      const row = await db
        .selectFrom('metadataCache')
        .selectAll()
        .where('key', '=', key)
        .where('expiresAt', '>', now.getTime())
        .executeTakeFirst();
      return row && codec.decode(row);
    },
    async set(entry) {
      const row = codec.encode(entry);
      const { key: _key, ...changes } = row;
      const insert = db.insertInto('metadataCache').values(row);
      await (
        dialectOf(db) === 'mysql'
          ? insert.onDuplicateKeyUpdate(changes)
          : insert.onConflict((oc) => oc.column('key').doUpdateSet(changes))
      ).execute();
    },
    async deleteExpired(now) {
      return affected(
        await db
          .deleteFrom('metadataCache')
          .where('expiresAt', '<=', now.getTime())
          .executeTakeFirst(),
      );
    },
  };
  return withDbErrors('metadata_cache', repository);
}
