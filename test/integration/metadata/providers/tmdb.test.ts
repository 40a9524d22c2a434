import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TmdbProvider } from '../../../../src/metadata/providers/tmdb/client.js';
import type { ProviderSettings } from '../../../../src/metadata/ports.js';
import type { FakeHttpServer } from '../../../fakes/providers/fake-http-server.js';
import {
  TMDB_429,
  TMDB_API_KEY,
  TMDB_READ_TOKEN,
  startFakeTmdb,
  tmdbError,
} from '../../../fakes/providers/tmdb-server.js';
import { providerKit, type ProviderTestKit } from './support.js';

const SERIES = {
  seriesTitle: 'Breaking Bad',
  year: 2008,
  firstAired: '2008-01-20',
  seriesOverview:
    'Walter White, a New Mexico chemistry teacher, is diagnosed with Stage III cancer.',
  network: 'AMC',
  genres: ['Drama', 'Crime'],
  status: 'Ended',
  language: 'en',
  posterUrl: 'https://image.tmdb.org/t/p/w500/ztkUQFLlC19CCMYHW9o1zWhJRNq.jpg',
  tmdbRating: 8.9,
  tmdbId: '1396',
  imdbId: 'tt0903747',
  tvdbId: '81189',
};

const PILOT = {
  ...SERIES,
  season: 1,
  episode: 1,
  episodeTitle: 'Pilot',
  aired: '2008-01-20',
  episodeOverview:
    'When an unassuming high school chemistry teacher discovers he has a rare form of lung cancer, he teams up with a former student.',
  runtimeMinutes: 58,
  tmdbRating: 8.3,
  tmdbEpisodeId: '62085',
  imdbEpisodeId: 'tt0959621',
  tvdbEpisodeId: '349232',
};

const S1E1 = { season: 1, episode: 1 };

describe('TmdbProvider against the fake TMDb v3', () => {
  let server: FakeHttpServer;
  let kit: ProviderTestKit;
  let provider: TmdbProvider;
  let settings: ProviderSettings;

  beforeAll(async () => {
    server = await startFakeTmdb();
    settings = { baseUrl: `${server.origin}/3`, apiKey: TMDB_API_KEY };
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    kit = providerKit();
    provider = new TmdbProvider(kit.options);
  });

  it('searches, reads the series with external ids, the configuration and the episode', async () => {
    const result = await provider.search({ title: 'Breaking Bad', ...S1E1 }, settings);
    expect(result).toEqual({ outcome: { kind: 'found', value: PILOT }, fromCache: false });
    expect(server.requests.map((r) => r.path)).toEqual([
      '/3/search/tv',
      '/3/tv/1396',
      '/3/configuration',
      '/3/tv/1396/season/1/episode/1',
    ]);
    expect(server.requests.every((r) => r.query.get('api_key') === TMDB_API_KEY)).toBe(true);
    expect(server.requests[1]?.query.get('append_to_response')).toBe('external_ids');
  });

  it('sends a read-access token as a bearer instead of api_key', async () => {
    const result = await provider.byId({ scheme: 'tmdb', id: '1396' }, S1E1, {
      ...settings,
      apiKey: TMDB_READ_TOKEN,
    });
    expect(result.outcome).toEqual({ kind: 'found', value: PILOT });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TMDB_READ_TOKEN}`);
    expect(server.requests[0]?.query.has('api_key')).toBe(false);
  });

  it('maps IMDb and TVDB ids through /find', async () => {
    const imdb = await provider.byId({ scheme: 'imdb', id: 'tt0903747' }, S1E1, settings);
    expect(imdb.outcome).toEqual({ kind: 'found', value: PILOT });
    expect(server.requests[0]?.query.get('external_source')).toBe('imdb_id');
    const tvdb = await provider.byId(
      { scheme: 'tvdb', id: '81189' },
      { season: null, episode: null },
      settings,
    );
    expect(tvdb.outcome).toEqual({ kind: 'found', value: SERIES });
    const unknown = await provider.byId({ scheme: 'imdb', id: 'tt0000001' }, S1E1, settings);
    expect(unknown.outcome).toEqual({
      kind: 'not_found',
      reason: 'no series has the imdb id tt0000001',
    });
  });

  it('caches /configuration for three days', async () => {
    await provider.byId({ scheme: 'tmdb', id: '1396' }, { season: null, episode: null }, settings);
    kit.clock.advance(25 * 3600 * 1000);
    await provider.byId({ scheme: 'tmdb', id: '1396' }, { season: null, episode: null }, settings);
    expect(server.count(/configuration/)).toBe(1);
    expect(server.count(/^\/3\/tv\/1396$/)).toBe(2);
  });

  it('answers a second identical lookup from the cache without any request', async () => {
    await provider.search({ title: 'Breaking Bad', ...S1E1 }, settings);
    const count = server.count();
    const again = await provider.search({ title: 'Breaking Bad', ...S1E1 }, settings);
    expect(again).toEqual({ outcome: { kind: 'found', value: PILOT }, fromCache: true });
    expect(server.count()).toBe(count);
  });

  it('answers not_found for no results and for an unknown series (404, code 34)', async () => {
    const none = await provider.search({ title: 'Nothing Like It', ...S1E1 }, settings);
    expect(none.outcome).toEqual({ kind: 'not_found', reason: 'no series matches the title' });
    const unknown = await provider.byId({ scheme: 'tmdb', id: '5' }, S1E1, settings);
    expect(unknown.outcome).toEqual({
      kind: 'not_found',
      reason: 'HTTP 404: The resource you requested could not be found.',
    });
  });

  it('answers the series alone when the episode does not exist', async () => {
    const result = await provider.byId(
      { scheme: 'tmdb', id: '1396' },
      { season: 9, episode: 1 },
      settings,
    );
    expect(result.outcome).toEqual({ kind: 'found', value: SERIES });
  });

  it('answers bad_credentials for a refused key, and for none without asking', async () => {
    const refused = await provider.search(
      { title: 'Breaking Bad', ...S1E1 },
      { ...settings, apiKey: 'wrong' },
    );
    expect(refused.outcome).toEqual({
      kind: 'bad_credentials',
      reason: 'HTTP 401: Invalid API key: You must be granted a valid key.',
    });
    const none = await provider.search(
      { title: 'Breaking Bad', ...S1E1 },
      { baseUrl: settings.baseUrl ?? null },
    );
    expect(none.outcome).toEqual({ kind: 'bad_credentials', reason: 'no API key is configured' });
  });

  it('honours Retry-After on a 429 and reports rate_limited when it persists', async () => {
    server.replyNext(TMDB_429, 1);
    expect((await provider.byId({ scheme: 'tmdb', id: '1396' }, S1E1, settings)).outcome.kind).toBe(
      'found',
    );
    expect(kit.clock.sleeps[0]).toBe(1000);
    const fresh = new TmdbProvider(providerKit().options);
    server.replyNext(TMDB_429, 4);
    const limited = await fresh.byId({ scheme: 'tmdb', id: '1396' }, S1E1, settings);
    expect(limited.outcome).toEqual({
      kind: 'rate_limited',
      reason: 'HTTP 429: Your request count (#) is over the allowed limit of (40).',
      retryAfterSeconds: 1,
    });
  });

  it('keeps to 40 requests per second', async () => {
    await provider.search({ title: 'Breaking Bad', ...S1E1 }, settings);
    expect(kit.clock.sleeps).toEqual([25, 25, 25]);
  });

  it('answers unavailable for a maintenance 503 after three retries', async () => {
    server.replyNext(tmdbError(503, 46, 'The API is undergoing maintenance. Try again later.'), 4);
    const result = await provider.byId({ scheme: 'tmdb', id: '1396' }, S1E1, settings);
    expect(result.outcome).toEqual({
      kind: 'unavailable',
      reason: 'HTTP 503: The API is undergoing maintenance. Try again later.',
    });
    expect(kit.clock.sleeps.filter((ms) => ms >= 1000)).toEqual([1000, 2000, 4000]);
  });

  it('still answers when /configuration fails, with the well-known image host', async () => {
    server.replyNext(tmdbError(500, 11, 'Internal error'), 4, /configuration/);
    const result = await provider.byId(
      { scheme: 'tmdb', id: '1396' },
      { season: null, episode: null },
      settings,
    );
    expect(result.outcome).toEqual({ kind: 'found', value: SERIES });
  });

  it('answers unavailable on a timeout, after the retries', async () => {
    server.delayMs = 200;
    try {
      const result = await provider.byId({ scheme: 'tmdb', id: '1396' }, S1E1, {
        ...settings,
        timeoutMs: 40,
      });
      expect(result.outcome).toEqual({ kind: 'unavailable', reason: 'no answer within 40 ms' });
      expect(server.count()).toBe(4);
    } finally {
      server.delayMs = 0;
    }
  });
});
