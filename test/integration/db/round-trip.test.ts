/**
 * The one stored representation, proven: what goes in comes back identical on every dialect,
 * and what is stored is what `tables.ts` says (epoch ms, 0/1, JSON text).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/domain/enums.js';
import {
  buildJob,
  buildRelease,
  buildUser,
  createJob,
  createRelease,
  createUser,
} from '../../factories/index.js';
import { DIALECTS, useTestDatabase } from './databases.js';

const DATES = [
  new Date(0),
  new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999)),
  new Date(Date.UTC(2025, 2, 30, 1, 30, 0, 1)),
  new Date(Date.UTC(2038, 0, 19, 3, 14, 8, 1)),
  new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)),
];

const NESTED: JsonObject = {
  string: 'plain',
  unicode: 'Ünïcödé — 日本語 — עברית — Ελληνικά',
  emoji: '📚🎬🏴‍☠️👩🏽‍💻',
  escapes: 'quote " backslash \\ tab \t newline \n nul-free',
  numbers: [0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER, -0.000001],
  booleans: [true, false],
  nothing: null,
  nested: { deeper: { deepest: [{ a: 1 }, [], {}] } },
  'key with spaces & ünïcode 🔑': 'value',
};

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.url === undefined)(`round trips on ${dialect.name}`, () => {
    const t = useTestDatabase(dialect);

    it('keeps timestamps to the millisecond, from 1970 to 9999', async () => {
      for (const at of DATES) {
        const user = await createUser(t.repos, { createdAt: at, updatedAt: at, lastLoginAt: at });
        const read = await t.repos.users.findById(user.id);
        expect(read?.createdAt).toEqual(at);
        expect(read?.lastLoginAt?.getTime()).toBe(at.getTime());
      }
    });

    it('keeps booleans as booleans, both ways', async () => {
      for (const disabled of [true, false]) {
        for (const mustChangePassword of [true, false]) {
          const user = await createUser(t.repos, { disabled, mustChangePassword });
          const read = await t.repos.users.findById(user.id);
          expect(read?.disabled).toBe(disabled);
          expect(read?.mustChangePassword).toBe(mustChangePassword);
        }
      }
    });

    it('keeps nested JSON with unicode and emoji', async () => {
      const release = await createRelease(t.repos, { metadata: NESTED });
      expect((await t.repos.releases.findById(release.id))?.metadata).toEqual(NESTED);
    });

    it('keeps JSON scalars, arrays and null in a JsonValue column', async () => {
      for (const result of [null, 0, 'text', true, [1, [2, [3]]], { a: null }]) {
        const job = await createJob(t.repos, { result });
        expect((await t.repos.jobs.findById(job.id))?.result).toEqual(result);
      }
    });

    it('keeps a large JSON document (about 5 MB)', async () => {
      const big: JsonObject = {
        chapters: Array.from({ length: 20_000 }, (_, i) => ({
          n: i,
          title: `Chapter ${i} — “quoted” ✓ 📖`,
          text: 'x'.repeat(200),
        })),
      };
      const release = await createRelease(t.repos, { metadata: big });
      expect((await t.repos.releases.findById(release.id))?.metadata).toEqual(big);
    });

    it('keeps NULLs as null in every nullable column', async () => {
      const user = buildUser({ email: null, displayName: null, lastLoginAt: null });
      await t.repos.users.create(user);
      expect(await t.repos.users.findById(user.id)).toEqual(user);
      const job = buildJob({
        userId: user.id,
        releaseType: null,
        groupName: null,
        releaseName: null,
        progressMessage: null,
        errorCode: null,
        errorMessage: null,
        lockedBy: null,
        lockedUntil: null,
        startedAt: null,
        completedAt: null,
      });
      await t.repos.jobs.create(job);
      expect(await t.repos.jobs.findById(job.id)).toEqual(job);
    });

    it('keeps large integers (sizes up to 2^53 - 1)', async () => {
      const release = buildRelease({ sizeBytes: Number.MAX_SAFE_INTEGER, fileCount: 2 ** 31 - 1 });
      const user = await createUser(t.repos);
      await t.repos.releases.create({ ...release, userId: user.id });
      const read = await t.repos.releases.findById(release.id);
      expect(read?.sizeBytes).toBe(Number.MAX_SAFE_INTEGER);
      expect(read?.fileCount).toBe(2 ** 31 - 1);
    });

    it('stores epoch milliseconds, 0/1 and JSON text in the columns', async () => {
      const at = new Date(Date.UTC(2025, 6, 4, 10, 11, 12, 345));
      const user = await createUser(t.repos, { createdAt: at, disabled: true });
      const release = await createRelease(t.repos, { userId: user.id, metadata: { a: [1] } });
      const raw = await sql<{ created_at: unknown; disabled: unknown; metadata: unknown }>`
        select u.created_at, u.disabled, r.metadata
        from users u join releases r on r.user_id = u.id
        where r.id = ${release.id}`.execute(t.db.kysely.withoutPlugins());
      expect(raw.rows).toEqual([{ created_at: at.getTime(), disabled: 1, metadata: '{"a":[1]}' }]);
    });
  });
}
