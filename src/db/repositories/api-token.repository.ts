import type { ApiToken } from '../../domain/entities.js';
import { createCodec } from '../codec.js';
import { withDbErrors } from '../errors.js';
import type { ApiTokenRepository } from '../ports.js';
import type { ApiTokensTable } from '../tables.js';
import type { Db } from './shared.js';

const codec = createCodec<ApiToken, ApiTokensTable>({
  createdAt: 'date',
  expiresAt: 'date',
  lastUsedAt: 'date',
  revokedAt: 'date',
});

export function createApiTokenRepository(db: Db): ApiTokenRepository {
  const findBy = async (column: 'id' | 'tokenHash', value: string) => {
    const row = await db
      .selectFrom('apiTokens')
      .selectAll()
      .where(column, '=', value)
      .executeTakeFirst();
    return row && codec.decode(row);
  };

  const repository: ApiTokenRepository = {
    async create(token) {
      await db.insertInto('apiTokens').values(codec.encode(token)).execute();
      return token;
    },
    findByTokenHash: (tokenHash) => findBy('tokenHash', tokenHash),
    findById: (id) => findBy('id', id),
    async listForUser(userId) {
      const rows = await db
        .selectFrom('apiTokens')
        .selectAll()
        .where('userId', '=', userId)
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map((row) => codec.decode(row));
    },
    async touch(id, at) {
      await db
        .updateTable('apiTokens')
        .set({ lastUsedAt: at.getTime() })
        .where('id', '=', id)
        .execute();
    },
    async revoke(id, at) {
      // The first revocation time is the one that counts.
      await db
        .updateTable('apiTokens')
        .set({ revokedAt: at.getTime() })
        .where('id', '=', id)
        .where('revokedAt', 'is', null)
        .execute();
    },
  };
  return withDbErrors('api_tokens', repository);
}
