import { describe, expect, it } from 'vitest';
import {
  buildApiToken,
  buildSession,
  createApiToken,
  createSession,
  createUser,
  newId,
} from '../../factories/index.js';
import { DIALECTS, useTestDatabase } from './databases.js';

const MS = 1_000;

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.url === undefined)(`auth tables on ${dialect.name}`, () => {
    const t = useTestDatabase(dialect);

    describe('sessions', () => {
      it('stores a session and finds it by token hash', async () => {
        const user = await createUser(t.repos);
        const session = buildSession({ userId: user.id, userAgent: null, ip: null });
        expect(await t.repos.sessions.create(session)).toEqual(session);
        expect(await t.repos.sessions.findByTokenHash(session.tokenHash)).toEqual(session);
        expect(await t.repos.sessions.findByTokenHash('no-such-hash')).toBeUndefined();
      });

      it('refuses a reused token hash', async () => {
        const session = await createSession(t.repos);
        await expect(
          createSession(t.repos, { tokenHash: session.tokenHash }),
        ).rejects.toMatchObject({
          code: 'resource.conflict',
          details: { constraint: 'sessions_token_hash_unique' },
        });
      });

      it('marks a token replaced and revokes single tokens once', async () => {
        const old = await createSession(t.repos);
        const next = await createSession(t.repos, { userId: old.userId, familyId: old.familyId });
        const at = new Date(old.createdAt.getTime() + 60 * MS + 7);
        await t.repos.sessions.markReplaced(old.id, next.id, at);
        expect(await t.repos.sessions.findByTokenHash(old.tokenHash)).toMatchObject({
          revokedAt: at,
          replacedById: next.id,
        });
        await t.repos.sessions.revoke(next.id, at);
        await t.repos.sessions.revoke(next.id, new Date(at.getTime() + MS));
        expect((await t.repos.sessions.findByTokenHash(next.tokenHash))?.revokedAt).toEqual(at);
      });

      it('revokes a family and tells whether it is still active', async () => {
        const first = await createSession(t.repos);
        const family = first.familyId;
        const second = await createSession(t.repos, { userId: first.userId, familyId: family });
        const elsewhere = await createSession(t.repos, { userId: first.userId });
        const now = new Date(second.createdAt.getTime() + MS);
        expect(await t.repos.sessions.isFamilyActive(family, now)).toBe(true);
        expect(await t.repos.sessions.revokeFamily(family, now)).toBe(2);
        expect(await t.repos.sessions.revokeFamily(family, now)).toBe(0);
        expect(await t.repos.sessions.isFamilyActive(family, now)).toBe(false);
        expect(await t.repos.sessions.isFamilyActive(elsewhere.familyId, now)).toBe(true);
      });

      it('treats an expired family as inactive', async () => {
        const session = await createSession(t.repos);
        expect(await t.repos.sessions.isFamilyActive(session.familyId, session.expiresAt)).toBe(
          false,
        );
        const justBefore = new Date(session.expiresAt.getTime() - 1);
        expect(await t.repos.sessions.isFamilyActive(session.familyId, justBefore)).toBe(true);
      });

      it("revokes every live session of a user and no one else's", async () => {
        const user = await createUser(t.repos);
        const other = await createSession(t.repos);
        const at = new Date();
        const a = await createSession(t.repos, { userId: user.id });
        await createSession(t.repos, { userId: user.id, revokedAt: new Date(0) });
        expect(await t.repos.sessions.revokeAllForUser(user.id, at)).toBe(1);
        expect((await t.repos.sessions.findByTokenHash(a.tokenHash))?.revokedAt).toEqual(at);
        expect((await t.repos.sessions.findByTokenHash(other.tokenHash))?.revokedAt).toBeNull();
      });

      it('deletes sessions that expired before a date', async () => {
        const user = await createUser(t.repos);
        const cutoff = new Date(Date.UTC(2001, 0, 1));
        const expired = await createSession(t.repos, {
          userId: user.id,
          expiresAt: new Date(cutoff.getTime() - 1),
        });
        const boundary = await createSession(t.repos, { userId: user.id, expiresAt: cutoff });
        expect(await t.repos.sessions.deleteExpired(cutoff)).toBe(1);
        expect(await t.repos.sessions.findByTokenHash(expired.tokenHash)).toBeUndefined();
        expect(await t.repos.sessions.findByTokenHash(boundary.tokenHash)).toBeDefined();
      });
    });

    describe('API tokens', () => {
      it('stores a token and finds it by hash and by id', async () => {
        const user = await createUser(t.repos);
        const token = buildApiToken({
          userId: user.id,
          expiresAt: new Date(Date.UTC(2030, 11, 31, 23, 59, 59, 999)),
        });
        expect(await t.repos.apiTokens.create(token)).toEqual(token);
        expect(await t.repos.apiTokens.findByTokenHash(token.tokenHash)).toEqual(token);
        expect(await t.repos.apiTokens.findById(token.id)).toEqual(token);
        expect(await t.repos.apiTokens.findById(newId())).toBeUndefined();
        expect(await t.repos.apiTokens.findByTokenHash('nope')).toBeUndefined();
      });

      it('refuses a duplicate hash', async () => {
        const token = await createApiToken(t.repos);
        await expect(createApiToken(t.repos, { tokenHash: token.tokenHash })).rejects.toMatchObject(
          {
            code: 'resource.conflict',
            details: { constraint: 'api_tokens_token_hash_unique' },
          },
        );
      });

      it("lists a user's tokens newest first", async () => {
        const user = await createUser(t.repos);
        const a = await createApiToken(t.repos, { userId: user.id });
        const b = await createApiToken(t.repos, { userId: user.id });
        await createApiToken(t.repos);
        expect(await t.repos.apiTokens.listForUser(user.id)).toEqual([b, a]);
      });

      it('records use and keeps the first revocation', async () => {
        const token = await createApiToken(t.repos);
        const used = new Date(token.createdAt.getTime() + 1_234);
        await t.repos.apiTokens.touch(token.id, used);
        await t.repos.apiTokens.revoke(token.id, used);
        await t.repos.apiTokens.revoke(token.id, new Date(used.getTime() + MS));
        expect(await t.repos.apiTokens.findById(token.id)).toEqual({
          ...token,
          lastUsedAt: used,
          revokedAt: used,
        });
      });
    });
  });
}
