import type { Session } from '../../domain/entities.js';
import { createCodec } from '../codec.js';
import { withDbErrors } from '../errors.js';
import type { SessionRepository } from '../ports.js';
import type { SessionsTable } from '../tables.js';
import { affected, type Db } from './shared.js';

const codec = createCodec<Session, SessionsTable>({
  createdAt: 'date',
  expiresAt: 'date',
  revokedAt: 'date',
});

export function createSessionRepository(db: Db): SessionRepository {
  /** Revokes the live (not yet revoked) sessions matching one column; keeps earlier revocations. */
  const revokeWhere = async (column: 'id' | 'familyId' | 'userId', value: string, at: Date) =>
    affected(
      await db
        .updateTable('sessions')
        .set({ revokedAt: at.getTime() })
        .where(column, '=', value)
        .where('revokedAt', 'is', null)
        .executeTakeFirst(),
    );

  const repository: SessionRepository = {
    async create(session) {
      await db.insertInto('sessions').values(codec.encode(session)).execute();
      return session;
    },
    async findByTokenHash(tokenHash) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .executeTakeFirst();
      return row && codec.decode(row);
    },
    async markReplaced(id, replacedById, at) {
      await db
        .updateTable('sessions')
        .set({ revokedAt: at.getTime(), replacedById })
        .where('id', '=', id)
        .execute();
    },
    async revoke(id, at) {
      await revokeWhere('id', id, at);
    },
    revokeFamily: (familyId, at) => revokeWhere('familyId', familyId, at),
    revokeAllForUser: (userId, at) => revokeWhere('userId', userId, at),
    async isFamilyActive(familyId, now) {
      const row = await db
        .selectFrom('sessions')
        .select('id')
        .where('familyId', '=', familyId)
        .where('revokedAt', 'is', null)
        .where('expiresAt', '>', now.getTime())
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
    async deleteExpired(before) {
      return affected(
        await db
          .deleteFrom('sessions')
          .where('expiresAt', '<', before.getTime())
          .executeTakeFirst(),
      );
    },
  };
  return withDbErrors('sessions', repository);
}
