import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DbResponseCache, DbTokenStore } from '../../../../src/db/caches/db-cache.js';
import { createDatabase, type SqlDatabase } from '../../../../src/db/connect.js';
import type { ResponseCache, TokenStore } from '../../../../src/metadata/ports.js';
import { TmdbProvider } from '../../../../src/metadata/providers/tmdb/client.js';
import { FakeClock } from '../../../fakes/providers/fake-clock.js';
import type { FakeHttpServer } from '../../../fakes/providers/fake-http-server.js';
import { TMDB_API_KEY, startFakeTmdb } from '../../../fakes/providers/tmdb-server.js';
import { cacheContract } from './cache-contract.js';

describe('metadata caches on a real SQLite database', () => {
  let dir: string;
  let db: SqlDatabase;
  let clock: FakeClock;
  let cache: DbResponseCache;
  let tokens: DbTokenStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sp-cache-'));
    db = createDatabase({ dialect: 'sqlite', url: join(dir, 'cache.db') });
    await db.migrateToLatest();
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    clock = new FakeClock();
    cache = new DbResponseCache(db.repos.metadataCache, clock);
    tokens = new DbTokenStore(db.repos.metadataCache, clock);
  });

  it('fits the ports', () => {
    const ports: [ResponseCache, TokenStore] = [cache, tokens];
    expect(ports).toHaveLength(2);
  });

  cacheContract(() => ({ cache, tokens, clock }));

  it('expires values by the clock and stores the provider of the key', async () => {
    await cache.set('googlebooks:abc', { found: 'x' }, 60);
    const row = await db.kysely
      .selectFrom('metadataCache')
      .select(['provider'])
      .where('key', '=', 'googlebooks:abc')
      .executeTakeFirstOrThrow();
    expect(row.provider).toBe('googlebooks');
    clock.advance(59_000);
    expect(await cache.get('googlebooks:abc')).toEqual({ found: 'x' });
    clock.advance(1_000);
    expect(await cache.get('googlebooks:abc')).toBeUndefined();
    expect(await cache.purgeExpired()).toBeGreaterThanOrEqual(1);
  });

  it('serves a provider: the second identical lookup sends nothing', async () => {
    const server: FakeHttpServer = await startFakeTmdb();
    try {
      const provider = new TmdbProvider({ clock, cache });
      const settings = { baseUrl: `${server.origin}/3`, apiKey: TMDB_API_KEY };
      const ep = { season: 1, episode: 1 };
      const first = await provider.byId({ scheme: 'tmdb', id: '1396' }, ep, settings);
      const sent = server.count();
      const second = await provider.byId({ scheme: 'tmdb', id: '1396' }, ep, settings);
      expect(second).toEqual({ ...first, fromCache: true });
      expect(server.count()).toBe(sent);
    } finally {
      await server.close();
    }
  });
});
