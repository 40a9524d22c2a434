import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OmdbProvider } from '../../../../src/metadata/providers/omdb/client.js';
import type { ProviderSettings } from '../../../../src/metadata/ports.js';
import { OMDB_KEY, startFakeOmdb, type FakeOmdb } from '../../../fakes/providers/omdb-server.js';
import { providerKit, type ProviderTestKit } from './support.js';

const SERIES = {
  seriesTitle: 'Breaking Bad',
  year: 2008,
  firstAired: '2008-01-20',
  seriesOverview:
    'A chemistry teacher diagnosed with inoperable lung cancer turns to manufacturing and selling methamphetamine with a former student.',
  genres: ['Crime', 'Drama', 'Thriller'],
  language: 'en',
  posterUrl:
    'https://m.media-amazon.com/images/M/MV5BYmQ4YWMxYjUtNjZmYi00MDQ1LWFjMjMtNjA5ZDdiYjdiODU5XkEyXkFqcGdeQXVyMTMzNDExODE5._V1_SX300.jpg',
  imdbRating: 9.5,
  imdbId: 'tt0903747',
};

const PILOT = {
  ...SERIES,
  season: 1,
  episode: 1,
  episodeTitle: 'Pilot',
  aired: '2008-01-20',
  episodeOverview:
    "A high school chemistry teacher dying of cancer teams with a former student to secure his family's future by manufacturing and selling crystal meth.",
  runtimeMinutes: 58,
  imdbRating: 9,
  imdbEpisodeId: 'tt0959621',
};

const S1E1 = { season: 1, episode: 1 };

describe('OmdbProvider against the fake OMDb', () => {
  let omdb: FakeOmdb;
  let kit: ProviderTestKit;
  let provider: OmdbProvider;
  let settings: ProviderSettings;

  beforeAll(async () => {
    omdb = await startFakeOmdb();
    settings = { baseUrl: `${omdb.server.origin}/`, apiKey: OMDB_KEY };
  });
  afterAll(() => omdb.server.close());
  beforeEach(() => {
    omdb.server.requests.length = 0;
    omdb.used.clear();
    omdb.dailyLimit = 1000;
    kit = providerKit();
    provider = new OmdbProvider(kit.options);
  });

  it('reads the series by title, then the episode with Season and Episode', async () => {
    const result = await provider.search({ title: 'Breaking Bad', ...S1E1 }, settings);
    expect(result).toEqual({
      outcome: { kind: 'found', value: PILOT },
      fromCache: false,
      quota: { used: 2, limit: 1000, day: '2026-01-15' },
    });
    const [series, episode] = omdb.server.requests.map((r) => Object.fromEntries(r.query));
    expect(series).toEqual({ t: 'Breaking Bad', type: 'series', r: 'json', apikey: OMDB_KEY });
    expect(episode).toEqual({
      i: 'tt0903747',
      Season: '1',
      Episode: '1',
      r: 'json',
      apikey: OMDB_KEY,
    });
  });

  it('reads an IMDb id of an episode together with its series', async () => {
    const result = await provider.byId(
      { scheme: 'imdb', id: 'tt0959621' },
      { season: null, episode: null },
      settings,
    );
    expect(result.outcome).toEqual({ kind: 'found', value: PILOT });
  });

  it('reads an IMDb id of a series and the asked episode', async () => {
    const result = await provider.byId({ scheme: 'imdb', id: 'tt0903747' }, S1E1, settings);
    expect(result.outcome).toEqual({ kind: 'found', value: PILOT });
  });

  it('answers not_found for the HTTP-200 "Series not found!" and keeps a series without the episode', async () => {
    const missing = await provider.search({ title: 'No Such Show', ...S1E1 }, settings);
    expect(missing.outcome).toEqual({ kind: 'not_found', reason: 'Series not found!' });
    expect(omdb.server.requests.length).toBe(1);
    const noEpisode = await provider.search(
      { title: 'Breaking Bad', season: 9, episode: 9 },
      settings,
    );
    expect(noEpisode.outcome).toEqual({ kind: 'found', value: SERIES });
  });

  it('answers not_found for an IMDb id OMDb does not know, and for other id schemes without asking', async () => {
    const unknown = await provider.byId({ scheme: 'imdb', id: 'tt0000001' }, S1E1, settings);
    expect(unknown.outcome).toEqual({ kind: 'not_found', reason: 'Incorrect IMDb ID.' });
    const count = omdb.server.count();
    const tvdb = await provider.byId({ scheme: 'tvdb', id: '81189' }, S1E1, settings);
    expect(tvdb.outcome.kind).toBe('not_found');
    expect(omdb.server.count()).toBe(count);
  });

  it('maps "Invalid API key!" (401) to bad_credentials, and asks nothing without a key', async () => {
    const wrong = await provider.search(
      { title: 'Breaking Bad', ...S1E1 },
      { ...settings, apiKey: 'nope' },
    );
    expect(wrong.outcome).toEqual({ kind: 'bad_credentials', reason: 'Invalid API key!' });
    const none = await provider.search(
      { title: 'Breaking Bad', ...S1E1 },
      { ...settings, apiKey: '' },
    );
    expect(none.outcome).toEqual({ kind: 'bad_credentials', reason: 'no API key is configured' });
    expect(omdb.server.count()).toBe(1);
  });

  it('maps "Request limit reached!" (401) to rate_limited and stops asking for the day', async () => {
    omdb.dailyLimit = 1;
    const limited = await provider.search({ title: 'Breaking Bad', ...S1E1 }, settings);
    expect(limited.outcome).toEqual({
      kind: 'rate_limited',
      reason: "Request limit reached! (the key's daily quota is used up)",
    });
    const after = await provider.byId({ scheme: 'imdb', id: 'tt0959621' }, S1E1, settings);
    expect(after.outcome).toEqual({
      kind: 'rate_limited',
      reason: 'the daily quota of 1000 OMDb requests is used up for today (UTC)',
      retryAfterSeconds: 12 * 3600,
    });
    expect(omdb.server.count()).toBe(2);
  });

  it('counts its own daily quota per key, refuses beyond it and starts again the next UTC day', async () => {
    const counted = new OmdbProvider({ ...kit.options, dailyLimit: 3 });
    await counted.search({ title: 'Breaking Bad', ...S1E1 }, settings);
    const third = await counted.byId(
      { scheme: 'imdb', id: 'tt0959621' },
      { season: null, episode: null },
      settings,
    );
    expect(third.quota).toEqual({ used: 3, limit: 3, day: '2026-01-15' });
    expect(third.outcome.kind).toBe('rate_limited');
    expect(omdb.server.count()).toBe(3);
    kit.clock.advance(12 * 3600 * 1000);
    const nextDay = await counted.search(
      { title: 'No Such Show', season: null, episode: null },
      settings,
    );
    expect(nextDay.outcome.kind).toBe('not_found');
    expect(nextDay.quota).toEqual({ used: 1, limit: 3, day: '2026-01-16' });
  });

  it('answers a repeated lookup from the cache without spending quota', async () => {
    await provider.search({ title: 'Breaking Bad', ...S1E1 }, settings);
    const again = await provider.search({ title: 'Breaking Bad', ...S1E1 }, settings);
    expect(again).toEqual({
      outcome: { kind: 'found', value: PILOT },
      fromCache: true,
      quota: { used: 2, limit: 1000, day: '2026-01-15' },
    });
    expect(omdb.server.count()).toBe(2);
  });

  it('reads "Something went wrong." as unavailable and does not remember it', async () => {
    omdb.server.replyNext({
      status: 200,
      body: { Response: 'False', Error: 'Something went wrong.' },
    });
    const failed = await provider.search(
      { title: 'Breaking Bad', season: null, episode: null },
      settings,
    );
    expect(failed.outcome).toEqual({ kind: 'unavailable', reason: 'Something went wrong.' });
    const retried = await provider.search(
      { title: 'Breaking Bad', season: null, episode: null },
      settings,
    );
    expect(retried.outcome).toEqual({ kind: 'found', value: SERIES });
  });

  it('accepts lower-case season and episode keys on the fake, as ASP.NET does', async () => {
    const reply = await fetch(
      `${omdb.server.origin}/?apikey=${OMDB_KEY}&i=tt0903747&season=1&episode=1`,
    );
    expect(((await reply.json()) as { Title: string }).Title).toBe('Pilot');
  });

  it('retries a 5xx after 1 s, 2 s and 4 s, counting every request sent against the quota', async () => {
    omdb.server.replyNext({ status: 503, body: 'Service Unavailable' }, 3);
    const result = await provider.search(
      { title: 'Breaking Bad', season: null, episode: null },
      settings,
    );
    expect(result.outcome).toEqual({ kind: 'found', value: SERIES });
    expect(kit.clock.sleeps).toEqual([1000, 2000, 4000]);
    expect(result.quota?.used).toBe(4);
  });

  it('answers unavailable on a timeout', async () => {
    omdb.server.delayMs = 200;
    try {
      const result = await provider.search(
        { title: 'Breaking Bad', season: null, episode: null },
        { ...settings, timeoutMs: 40 },
      );
      expect(result.outcome).toEqual({ kind: 'unavailable', reason: 'no answer within 40 ms' });
    } finally {
      omdb.server.delayMs = 0;
    }
  });
});
