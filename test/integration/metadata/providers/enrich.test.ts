/**
 * The enrichment wired as main will wire it (registry, merge, memory caches), against the five
 * fake servers: real clients, real HTTP on loopback, a fake clock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MemoryResponseCache,
  MemoryTokenStore,
} from '../../../../src/metadata/cache/memory-cache.js';
import { mergeMetadata } from '../../../../src/metadata/merge.js';
import { createMetadataProviders } from '../../../../src/metadata/providers/registry.js';
import { MetadataEnrichService } from '../../../../src/services/metadata/enrich.js';
import type { ProviderConfigs } from '../../../../src/services/metadata/types.js';
import { FakeClock } from '../../../fakes/providers/fake-clock.js';
import type { FakeHttpServer } from '../../../fakes/providers/fake-http-server.js';
import { startFakeGoogleBooks } from '../../../fakes/providers/googlebooks-server.js';
import { OMDB_KEY, startFakeOmdb, type FakeOmdb } from '../../../fakes/providers/omdb-server.js';
import { startFakeOpenLibrary } from '../../../fakes/providers/openlibrary-server.js';
import { TMDB_API_KEY, startFakeTmdb } from '../../../fakes/providers/tmdb-server.js';
import { TVDB_KEY, startFakeTvdb, type FakeTvdb } from '../../../fakes/providers/tvdb-server.js';
import { deadBaseUrl } from './support.js';

describe('metadata enrichment against the fake providers', () => {
  let openlibrary: FakeHttpServer;
  let googlebooks: FakeHttpServer;
  let tvdb: FakeTvdb;
  let tmdb: FakeHttpServer;
  let omdb: FakeOmdb;
  let settings: ProviderConfigs;
  let clock: FakeClock;
  let service: MetadataEnrichService;

  beforeAll(async () => {
    [openlibrary, googlebooks, tvdb, tmdb, omdb] = await Promise.all([
      startFakeOpenLibrary(),
      startFakeGoogleBooks(),
      startFakeTvdb(),
      startFakeTmdb(),
      startFakeOmdb(),
    ]);
    settings = {
      openlibrary: { baseUrl: openlibrary.origin },
      googlebooks: { baseUrl: `${googlebooks.origin}/books/v1` },
      tvdb: { baseUrl: `${tvdb.server.origin}/v4`, apiKey: TVDB_KEY },
      tmdb: { baseUrl: `${tmdb.origin}/3`, apiKey: TMDB_API_KEY },
      omdb: { baseUrl: omdb.server.origin, apiKey: OMDB_KEY },
    };
  });
  afterAll(async () => {
    await Promise.all(
      [openlibrary, googlebooks, tvdb.server, tmdb, omdb.server].map((s) => s.close()),
    );
  });
  beforeEach(() => {
    clock = new FakeClock();
    const providers = createMetadataProviders({
      clock,
      cache: new MemoryResponseCache(clock),
      tokens: new MemoryTokenStore(clock),
    });
    service = new MetadataEnrichService({ providers, merge: mergeMetadata, clock });
    for (const server of [openlibrary, googlebooks, tvdb.server, tmdb, omdb.server]) {
      server.requests.length = 0;
    }
  });

  it('enriches an eBook by ISBN: file identity kept, gaps filled, provenance and statuses', async () => {
    const result = await service.enrich({
      type: 'EBOOK',
      settings,
      file: { title: 'Dune', authors: ['Frank Herbert'], language: 'en', isbn: '9780441172719' },
    });
    expect(result.fields).toMatchObject({
      title: 'Dune',
      subtitle: 'Deluxe Edition',
      publisher: 'Ace',
      pageCount: 535,
      olid: 'OL26242482M',
      gbid: 'B1hSG45JCX4C',
    });
    expect(result.provenance.pageCount).toEqual({
      value: 535,
      source: 'openlibrary',
      agreeing: [],
      rejected: [{ source: 'googlebooks', value: 544 }],
    });
    expect(result.providers.map((s) => [s.provider, s.lookup, s.outcome])).toEqual([
      ['openlibrary', 'isbn', 'found'],
      ['googlebooks', 'isbn', 'found'],
    ]);
    expect(openlibrary.count(/search/) + googlebooks.count(/intitle/)).toBe(0);
    const again = await service.enrich({
      type: 'EBOOK',
      settings,
      file: { isbn: '9780441172719' },
    });
    expect(again.providers.every((s) => s.fromCache)).toBe(true);
  });

  it('enriches a TV episode across TheTVDB, TMDb and OMDb, resolving the later ones by id', async () => {
    const result = await service.enrich({
      type: 'TV',
      settings,
      file: { seriesTitle: 'Breaking Bad', season: 1, episode: 1 },
    });
    expect(result.providers.map((s) => [s.provider, s.lookup, s.outcome])).toEqual([
      ['tvdb', 'title', 'found'],
      ['tmdb', 'id', 'found'],
      ['omdb', 'id', 'found'],
    ]);
    expect(tmdb.count(/search/)).toBe(0);
    expect(omdb.server.requests[0]?.query.get('i')).toBe('tt0903747');
    expect(result.fields).toMatchObject({
      seriesTitle: 'Breaking Bad',
      episodeTitle: 'Pilot',
      network: 'AMC',
      tvdbId: '81189',
      tmdbId: '1396',
      imdbId: 'tt0903747',
      imdbRating: 9,
      tmdbRating: 8.3,
      runtimeMinutes: 58,
    });
    expect(result.provenance.seriesOverview?.source).toBe('tvdb');
    expect(result.providers[2]?.quota).toMatchObject({ used: 2, limit: 1000 });
  });

  it('without network answers what it has, with one reason per provider', async () => {
    const dead = await deadBaseUrl();
    const unreachable: ProviderConfigs = {
      openlibrary: { baseUrl: dead },
      googlebooks: { baseUrl: dead },
      tvdb: { baseUrl: dead, apiKey: TVDB_KEY },
      tmdb: { baseUrl: dead, apiKey: TMDB_API_KEY },
      omdb: { baseUrl: dead, apiKey: OMDB_KEY },
    };
    const book = await service.enrich({
      type: 'EBOOK',
      settings: unreachable,
      file: { title: 'Dune', isbn: '9780441172719' },
    });
    expect(book.fields).toEqual({ title: 'Dune', isbn: '9780441172719' });
    expect(book.providers.map((s) => [s.provider, s.outcome, s.reason])).toEqual([
      ['openlibrary', 'unavailable', 'network error (ECONNREFUSED)'],
      ['googlebooks', 'unavailable', 'network error (ECONNREFUSED)'],
    ]);
    const tv = await service.enrich({
      type: 'TV',
      settings: unreachable,
      file: { seriesTitle: 'Show', season: 1, episode: 2 },
    });
    expect(tv.fields).toEqual({ seriesTitle: 'Show', season: 1, episode: 2 });
    expect(tv.providers.map((s) => s.outcome)).toEqual([
      'unavailable',
      'unavailable',
      'unavailable',
    ]);
  });

  it('without keys skips the TV providers, saying so', async () => {
    const result = await service.enrich({
      type: 'TV',
      settings: {},
      file: { seriesTitle: 'Breaking Bad', season: 1, episode: 1 },
    });
    expect(result.providers.map((s) => [s.provider, s.outcome, s.reason])).toEqual([
      ['tvdb', 'skipped', 'no API key is configured'],
      ['tmdb', 'skipped', 'no API key is configured'],
      ['omdb', 'skipped', 'no API key is configured'],
    ]);
    expect(tvdb.server.count() + tmdb.count() + omdb.server.count()).toBe(0);
  });
});
