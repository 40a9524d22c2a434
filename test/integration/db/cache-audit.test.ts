import { describe, expect, it } from 'vitest';
import {
  buildAuditEntry,
  buildMetadataCacheEntry,
  createUser,
  newId,
  uniqueName,
} from '../../factories/index.js';
import { DIALECTS, useTestDatabase } from './databases.js';

const PAGE = { limit: 50, offset: 0 };

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.url === undefined)(`cache and audit on ${dialect.name}`, () => {
    const t = useTestDatabase(dialect);

    describe('metadata cache', () => {
      it('returns an entry until it expires', async () => {
        const entry = buildMetadataCacheEntry();
        await t.repos.metadataCache.set(entry);
        const before = new Date(entry.expiresAt.getTime() - 1);
        expect(await t.repos.metadataCache.get(entry.key, before)).toEqual(entry);
        expect(await t.repos.metadataCache.get(entry.key, entry.expiresAt)).toBeUndefined();
        expect(await t.repos.metadataCache.get('absent', before)).toBeUndefined();
      });

      it('replaces an entry with the same key', async () => {
        const entry = buildMetadataCacheEntry();
        await t.repos.metadataCache.set(entry);
        const fresher = buildMetadataCacheEntry({ key: entry.key, value: ['replaced', 2] });
        await t.repos.metadataCache.set(fresher);
        expect(await t.repos.metadataCache.get(entry.key, fresher.createdAt)).toEqual(fresher);
      });

      it('deletes the expired entries only', async () => {
        const now = new Date(Date.UTC(2031, 0, 1));
        const expired = buildMetadataCacheEntry({ expiresAt: now });
        const alive = buildMetadataCacheEntry({ expiresAt: new Date(now.getTime() + 1) });
        await t.repos.metadataCache.set(expired);
        await t.repos.metadataCache.set(alive);
        expect(await t.repos.metadataCache.deleteExpired(now)).toBeGreaterThanOrEqual(1);
        expect(await t.repos.metadataCache.get(expired.key, new Date(0))).toBeUndefined();
        expect(await t.repos.metadataCache.get(alive.key, now)).toEqual(alive);
      });
    });

    describe('audit log', () => {
      it('appends entries and lists them newest first with filters and a total', async () => {
        const user = await createUser(t.repos);
        const resourceType = uniqueName('thing');
        const a = buildAuditEntry({ userId: user.id, resourceType, action: 'thing.create' });
        const b = buildAuditEntry({ userId: user.id, resourceType, action: 'thing.delete' });
        const c = buildAuditEntry({ resourceType, action: 'thing.create', ip: null });
        for (const entry of [a, b, c]) {
          await t.repos.audit.append(entry);
        }
        expect(await t.repos.audit.list({ resourceType }, PAGE)).toEqual({
          items: [c, b, a],
          total: 3,
        });
        expect(await t.repos.audit.list({ userId: user.id }, PAGE)).toEqual({
          items: [b, a],
          total: 2,
        });
        const creates = await t.repos.audit.list({ resourceType, action: 'thing.create' }, PAGE);
        expect(creates).toEqual({ items: [c, a], total: 2 });
        const page = await t.repos.audit.list({ resourceType }, { limit: 1, offset: 1 });
        expect(page).toEqual({ items: [b], total: 3 });
        expect((await t.repos.audit.list({}, PAGE)).total).toBeGreaterThanOrEqual(3);
      });

      it('keeps the entries of a deleted user', async () => {
        const user = await createUser(t.repos);
        const entry = buildAuditEntry({ userId: user.id, resourceId: newId() });
        await t.repos.audit.append(entry);
        await t.repos.users.delete(user.id);
        expect((await t.repos.audit.list({ userId: user.id }, PAGE)).items).toEqual([entry]);
      });
    });
  });
}
