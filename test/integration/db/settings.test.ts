import { describe, expect, it } from 'vitest';
import {
  buildApiConfig,
  buildPathRule,
  buildPreference,
  createApiConfig,
  createPathRule,
  createPreference,
  createUser,
  newId,
  uniqueName,
} from '../../factories/index.js';
import { DIALECTS, useTestDatabase } from './databases.js';

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.url === undefined)(`settings tables on ${dialect.name}`, () => {
    const t = useTestDatabase(dialect);

    describe('preferences', () => {
      it('upserts a global preference once and replaces its value', async () => {
        const first = buildPreference();
        expect(await t.repos.preferences.upsert(first)).toEqual(first);
        const later = new Date(first.updatedAt.getTime() + 2_500);
        const second = buildPreference({
          key: first.key,
          value: ['a', { b: null }],
          updatedAt: later,
        });
        const stored = await t.repos.preferences.upsert(second);
        // Same row (id, createdAt) with the new value.
        expect(stored).toEqual({ ...first, value: ['a', { b: null }], updatedAt: later });
        expect(await t.repos.preferences.find('global', null, first.key)).toEqual(stored);
      });

      it('keeps user and global values of one key apart', async () => {
        const user = await createUser(t.repos);
        const key = uniqueName('ui.theme');
        const global = await createPreference(t.repos, { key, value: 'light' });
        const own = await createPreference(t.repos, {
          key,
          scope: 'user',
          userId: user.id,
          value: 'dark',
        });
        expect(await t.repos.preferences.find('user', user.id, key)).toEqual(own);
        expect(await t.repos.preferences.find('global', null, key)).toEqual(global);
        expect(await t.repos.preferences.find('user', newId(), key)).toBeUndefined();
      });

      it('lists one owner scope sorted by key', async () => {
        const user = await createUser(t.repos);
        const b = await createPreference(t.repos, { scope: 'user', userId: user.id, key: 'b.x' });
        const a = await createPreference(t.repos, { scope: 'user', userId: user.id, key: 'a.y' });
        const c = await createPreference(t.repos, { scope: 'user', userId: user.id, key: 'B.z' });
        expect(await t.repos.preferences.list('user', user.id)).toEqual([c, a, b]);
        const globals = await t.repos.preferences.list('global', null);
        expect(globals.every((p) => p.scope === 'global' && p.userId === null)).toBe(true);
      });

      it('deletes one key of one owner', async () => {
        const user = await createUser(t.repos);
        const pref = await createPreference(t.repos, { scope: 'user', userId: user.id });
        expect(await t.repos.preferences.delete('global', null, pref.key)).toBe(false);
        expect(await t.repos.preferences.delete('user', user.id, pref.key)).toBe(true);
        expect(await t.repos.preferences.find('user', user.id, pref.key)).toBeUndefined();
      });
    });

    describe('path rules', () => {
      it('upserts one global rule per group and type', async () => {
        const rule = buildPathRule({ inputDir: '/data/in' });
        expect(await t.repos.pathRules.upsert(rule)).toEqual(rule);
        const moved = buildPathRule({
          groupName: rule.groupName,
          outputDir: '/data/moved',
          inputDir: null,
        });
        const stored = await t.repos.pathRules.upsert(moved);
        expect(stored).toEqual({
          ...rule,
          outputDir: '/data/moved',
          inputDir: null,
          updatedAt: moved.updatedAt,
        });
        expect(await t.repos.pathRules.findById(rule.id)).toEqual(stored);
        expect(await t.repos.pathRules.findById(moved.id)).toBeUndefined();
      });

      it('finds by scope, owner, group and type', async () => {
        const user = await createUser(t.repos);
        const global = await createPathRule(t.repos);
        const own = await createPathRule(t.repos, {
          scope: 'user',
          userId: user.id,
          groupName: global.groupName,
        });
        const { groupName, releaseType } = global;
        expect(await t.repos.pathRules.find('global', null, groupName, releaseType)).toEqual(
          global,
        );
        expect(await t.repos.pathRules.find('user', user.id, groupName, releaseType)).toEqual(own);
        expect(await t.repos.pathRules.find('user', user.id, groupName, 'TV')).toBeUndefined();
      });

      it("lists a user's rules with the global ones, newest first", async () => {
        const user = await createUser(t.repos);
        const other = await createUser(t.repos);
        const groupName = uniqueName('LIST').replace(/-/g, '');
        const global = await createPathRule(t.repos, { groupName });
        const mine = await createPathRule(t.repos, { scope: 'user', userId: user.id, groupName });
        await createPathRule(t.repos, { scope: 'user', userId: other.id, groupName });
        expect(await t.repos.pathRules.list({ userId: user.id, groupName })).toEqual([
          mine,
          global,
        ]);
        expect(await t.repos.pathRules.list({ userId: null, groupName })).toEqual([global]);
        expect(await t.repos.pathRules.list({ scope: 'user', groupName })).toHaveLength(2);
        expect(await t.repos.pathRules.list({ groupName })).toHaveLength(3);
      });

      it('deletes by id', async () => {
        const rule = await createPathRule(t.repos);
        expect(await t.repos.pathRules.delete(rule.id)).toBe(true);
        expect(await t.repos.pathRules.delete(rule.id)).toBe(false);
      });
    });

    describe('API configurations', () => {
      it('creates, finds and refuses a second global row for a provider', async () => {
        const provider = 'googlebooks';
        const config = buildApiConfig({ provider, baseUrl: 'http://127.0.0.1:9/books' });
        expect(await t.repos.apiConfigs.create(config)).toEqual(config);
        expect(await t.repos.apiConfigs.findById(config.id)).toEqual(config);
        expect(await t.repos.apiConfigs.find('global', null, provider)).toEqual(config);
        await expect(createApiConfig(t.repos, { provider })).rejects.toMatchObject({
          code: 'resource.conflict',
          details: { constraint: 'api_configs_owner_unique' },
        });
      });

      it("lists a user's rows with the global ones and filters by provider", async () => {
        const user = await createUser(t.repos);
        const own = await createApiConfig(t.repos, {
          scope: 'user',
          userId: user.id,
          provider: 'tvdb',
          pinEnc: 'enc:v1:pin',
        });
        const mine = await t.repos.apiConfigs.list({ userId: user.id });
        expect(mine[0]).toEqual(own);
        expect(mine.every((c) => c.userId === user.id || c.userId === null)).toBe(true);
        const tvdb = await t.repos.apiConfigs.list({ userId: user.id, provider: 'tvdb' });
        expect(tvdb).toEqual([own]);
        expect(await t.repos.apiConfigs.find('user', user.id, 'tvdb')).toEqual(own);
        const everything = await t.repos.apiConfigs.all();
        expect(everything.map((c) => c.id)).toContain(own.id);
        expect(await t.repos.apiConfigs.list({})).toEqual(everything);
      });

      it('updates, moves to another owner and deletes', async () => {
        const user = await createUser(t.repos);
        const config = await createApiConfig(t.repos, { provider: 'tmdb' });
        const updated = await t.repos.apiConfigs.update(config.id, {
          scope: 'user',
          userId: user.id,
          enabled: false,
          apiKeyEnc: null,
        });
        expect(updated).toEqual({
          ...config,
          scope: 'user',
          userId: user.id,
          enabled: false,
          apiKeyEnc: null,
        });
        expect(await t.repos.apiConfigs.find('user', user.id, 'tmdb')).toEqual(updated);
        expect(await t.repos.apiConfigs.find('global', null, 'tmdb')).toBeUndefined();
        expect(await t.repos.apiConfigs.update(newId(), { enabled: true })).toBeUndefined();
        expect(await t.repos.apiConfigs.delete(config.id)).toBe(true);
        expect(await t.repos.apiConfigs.delete(config.id)).toBe(false);
      });
    });
  });
}
