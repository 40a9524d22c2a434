import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryTokenStore } from '../../../../src/metadata/cache/memory-cache.js';
import { TvdbProvider } from '../../../../src/metadata/providers/tvdb/client.js';
import type { ProviderSettings } from '../../../../src/metadata/ports.js';
import {
  TVDB_KEY,
  TVDB_PIN,
  TVDB_USER_KEY,
  startFakeTvdb,
  type FakeTvdb,
} from '../../../fakes/providers/tvdb-server.js';
import { providerKit, type ProviderTestKit } from './support.js';

const SERIES = {
  seriesTitle: 'Breaking Bad',
  year: 2008,
  firstAired: '2008-01-20',
  seriesOverview:
    'Walter White, a struggling high school chemistry teacher, is diagnosed with lung cancer.',
  network: 'AMC',
  genres: ['Drama', 'Crime'],
  status: 'Ended',
  language: 'en',
  posterUrl: 'https://artworks.thetvdb.com/banners/posters/81189-10.jpg',
  tvdbId: '81189',
  imdbId: 'tt0903747',
  tmdbId: '1396',
};

const PILOT = {
  ...SERIES,
  season: 1,
  episode: 1,
  episodeTitle: 'Pilot',
  aired: '2008-01-20',
  episodeOverview:
    'Walter White, a struggling high school chemistry teacher, turns to a life of crime.',
  runtimeMinutes: 58,
  tvdbEpisodeId: '349232',
  imdbEpisodeId: 'tt0959621',
};

const S1E1 = { season: 1, episode: 1 };

describe('TvdbProvider against the fake TheTVDB v4', () => {
  let tvdb: FakeTvdb;
  let kit: ProviderTestKit;
  let tokens: MemoryTokenStore;
  let provider: TvdbProvider;
  let settings: ProviderSettings;

  beforeAll(async () => {
    tvdb = await startFakeTvdb(() => kit.clock.now().getTime());
    settings = { baseUrl: `${tvdb.server.origin}/v4`, apiKey: TVDB_KEY };
  });
  afterAll(() => tvdb.server.close());
  beforeEach(() => {
    tvdb.server.requests.length = 0;
    tvdb.tokens.length = 0;
    kit = providerKit();
    tokens = new MemoryTokenStore(kit.clock);
    provider = new TvdbProvider({ ...kit.options, tokens });
  });

  const logins = (): number => tvdb.server.count(/^\/v4\/login$/);

  it('logs in, searches the series and reads the series and episode records', async () => {
    const result = await provider.search({ title: 'Breaking Bad', ...S1E1 }, settings);
    expect(result).toEqual({ outcome: { kind: 'found', value: PILOT }, fromCache: false });
    expect(tvdb.server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v4/login',
      'GET /v4/search',
      'GET /v4/series/81189/extended',
      'GET /v4/series/81189/episodes/default',
      'GET /v4/episodes/349232/extended',
    ]);
    const [login, search, , episodes] = tvdb.server.requests;
    expect(JSON.parse(login!.body)).toEqual({ apikey: TVDB_KEY });
    expect(search!.query.get('type')).toBe('series');
    expect(Object.fromEntries(episodes!.query)).toEqual({
      page: '0',
      season: '1',
      episodeNumber: '1',
    });
    expect(search!.headers.authorization).toBe(`Bearer ${tvdb.tokens[0]!}`);
  });

  it('logs in once across many calls, and across clients sharing the token store', async () => {
    await provider.search({ title: 'Breaking Bad', ...S1E1 }, settings);
    await provider.byId({ scheme: 'tvdb', id: '267440' }, S1E1, settings);
    await provider.search({ title: 'Nothing Such', season: null, episode: null }, settings);
    const other = new TvdbProvider({ ...providerKit().options, clock: kit.clock, tokens });
    await other.byId({ scheme: 'imdb', id: 'tt0903747' }, { season: 2, episode: 3 }, settings);
    expect(logins()).toBe(1);
  });

  it('shares one login between concurrent lookups', async () => {
    await Promise.all([
      provider.search({ title: 'Breaking Bad', season: null, episode: null }, settings),
      provider.byId({ scheme: 'tvdb', id: '267440' }, S1E1, settings),
    ]);
    expect(logins()).toBe(1);
  });

  it('logs in again once when a token is refused with 401, then carries on', async () => {
    await provider.search({ title: 'Breaking Bad', season: null, episode: null }, settings);
    tvdb.expireTokens();
    const result = await provider.byId({ scheme: 'tvdb', id: '267440' }, S1E1, settings);
    expect(result.outcome.kind).toBe('found');
    expect(logins()).toBe(2);
  });

  it('answers bad_credentials when even a fresh token is refused', async () => {
    await provider.search({ title: 'Breaking Bad', season: null, episode: null }, settings);
    tvdb.server.replyNext(
      { status: 401, body: { status: 'failure', message: 'Unauthorized', data: null } },
      2,
      /series/,
    );
    const result = await provider.byId({ scheme: 'tvdb', id: '267440' }, S1E1, settings);
    expect(result.outcome).toEqual({ kind: 'bad_credentials', reason: 'HTTP 401: Unauthorized' });
    expect(logins()).toBe(2);
  });

  it('keeps the token until a day before its month is up', async () => {
    await provider.search({ title: 'Breaking Bad', season: null, episode: null }, settings);
    kit.clock.advance(28 * 24 * 3600 * 1000);
    await provider.byId({ scheme: 'tvdb', id: '267440' }, S1E1, settings);
    expect(logins()).toBe(1);
    kit.clock.advance(2 * 24 * 3600 * 1000);
    await provider.byId({ scheme: 'tvdb', id: '81189' }, { season: 9, episode: 9 }, settings);
    expect(logins()).toBe(2);
  });

  it('sends the PIN of a user-supported key, and reports a missing one', async () => {
    const withPin = { ...settings, apiKey: TVDB_USER_KEY, pin: TVDB_PIN };
    expect((await provider.byId({ scheme: 'tvdb', id: '81189' }, S1E1, withPin)).outcome.kind).toBe(
      'found',
    );
    expect(JSON.parse(tvdb.server.requests[0]!.body)).toEqual({
      apikey: TVDB_USER_KEY,
      pin: TVDB_PIN,
    });
    // a new cache, or the answer above would be reused without asking (keys are not in cache keys)
    const uncached = new TvdbProvider({ ...providerKit().options, tokens });
    const withoutPin = { ...settings, apiKey: TVDB_USER_KEY };
    const result = await uncached.byId({ scheme: 'tvdb', id: '81189' }, S1E1, withoutPin);
    expect(result.outcome).toEqual({
      kind: 'bad_credentials',
      reason: 'InvalidValueType: pin required',
    });
  });

  it('answers bad_credentials for a wrong key, and without a request for no key', async () => {
    const wrong = await provider.search(
      { title: 'Breaking Bad', ...S1E1 },
      { ...settings, apiKey: 'nope' },
    );
    expect(wrong.outcome).toEqual({
      kind: 'bad_credentials',
      reason: 'InvalidAPIKey: apikey invalid',
    });
    const count = tvdb.server.count();
    const none = await provider.search(
      { title: 'Breaking Bad', ...S1E1 },
      { ...settings, apiKey: null },
    );
    expect(none).toEqual({
      outcome: { kind: 'bad_credentials', reason: 'no API key is configured' },
      fromCache: true,
    });
    expect(tvdb.server.count()).toBe(count);
  });

  it('answers a repeated lookup from the cache with no request, not even a login', async () => {
    await provider.search({ title: 'Breaking Bad', ...S1E1 }, settings);
    const fresh = new TvdbProvider({ ...kit.options, tokens: new MemoryTokenStore(kit.clock) });
    const count = tvdb.server.count();
    const again = await fresh.search({ title: 'Breaking Bad', ...S1E1 }, settings);
    expect(again).toEqual({ outcome: { kind: 'found', value: PILOT }, fromCache: true });
    expect(tvdb.server.count()).toBe(count);
  });

  it('answers not_found for an unknown title and for an unknown id (404 NotFoundException)', async () => {
    const title = await provider.search({ title: 'No Such Show', ...S1E1 }, settings);
    expect(title.outcome).toEqual({ kind: 'not_found', reason: 'no series matches the title' });
    const id = await provider.byId({ scheme: 'tvdb', id: '999' }, S1E1, settings);
    expect(id.outcome).toEqual({
      kind: 'not_found',
      reason: 'HTTP 404: NotFoundException: error fetching series',
    });
  });

  it('answers the series alone when the episode does not exist', async () => {
    const result = await provider.byId(
      { scheme: 'tvdb', id: '81189' },
      { season: 7, episode: 1 },
      settings,
    );
    expect(result.outcome).toEqual({ kind: 'found', value: SERIES });
  });

  it('resolves an IMDb id through /search/remoteid', async () => {
    const result = await provider.byId({ scheme: 'imdb', id: 'tt0903747' }, S1E1, settings);
    expect(result.outcome).toEqual({ kind: 'found', value: PILOT });
    expect(tvdb.server.requests[1]?.path).toBe('/v4/search/remoteid/tt0903747');
  });

  it('never takes the raw name of a non-English series: the English translation or nothing', async () => {
    const searched = await provider.search(
      { title: 'Attack on Titan', season: null, episode: null },
      settings,
    );
    expect(searched.outcome).toMatchObject({
      kind: 'found',
      value: {
        seriesTitle: 'Attack on Titan',
        language: 'ja',
        network: 'MBS',
        posterUrl: 'https://artworks.thetvdb.com/banners/posters/267440-2.jpg',
      },
    });
    const pinned = await provider.byId(
      { scheme: 'tvdb', id: '267440' },
      { season: null, episode: null },
      settings,
    );
    expect(pinned.outcome.kind).toBe('found');
    const value = pinned.outcome.kind === 'found' ? pinned.outcome.value : {};
    expect(value).toMatchObject({ tvdbId: '267440', imdbId: 'tt2560140' });
    expect([value.seriesTitle, value.seriesOverview]).toEqual([undefined, undefined]);
  });

  it('retries a 5xx with backoff on the clock', async () => {
    tvdb.server.replyNext({ status: 502, body: 'bad gateway' }, 2, /search/);
    const result = await provider.search(
      { title: 'Breaking Bad', season: null, episode: null },
      settings,
    );
    expect(result.outcome.kind).toBe('found');
    expect(kit.clock.sleeps.filter((ms) => ms >= 1000)).toEqual([1000, 2000]);
  });

  it('answers unavailable when TheTVDB does not answer in time, login included', async () => {
    tvdb.server.delayMs = 200;
    try {
      const result = await provider.search(
        { title: 'Breaking Bad', ...S1E1 },
        { ...settings, timeoutMs: 40 },
      );
      expect(result.outcome).toEqual({ kind: 'unavailable', reason: 'no answer within 40 ms' });
      expect(logins()).toBe(4);
    } finally {
      tvdb.server.delayMs = 0;
    }
  });
});
