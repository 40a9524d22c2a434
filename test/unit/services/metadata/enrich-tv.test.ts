import { beforeEach, describe, expect, it } from 'vitest';
import { mergeMetadata } from '../../../../src/metadata/merge.js';
import { MetadataEnrichService } from '../../../../src/services/metadata/enrich.js';
import type { TvEnrichRequest } from '../../../../src/services/metadata/types.js';
import { FakeClock } from '../../../fakes/providers/fake-clock.js';
import { FakeTvProvider } from '../../../fakes/providers/fake-providers.js';

const KEYS = { tvdb: { apiKey: 'k' }, tmdb: { apiKey: 'k' }, omdb: { apiKey: 'k' } };
const TVDB = {
  seriesTitle: 'Breaking Bad',
  network: 'AMC',
  episodeTitle: 'Pilot',
  tvdbId: '81189',
  tmdbId: '1396',
  imdbId: 'tt0903747',
};
const TMDB = {
  seriesTitle: 'Breaking Bad',
  episodeTitle: 'Pilot',
  runtimeMinutes: 58,
  tmdbRating: 8.3,
  tmdbId: '1396',
};
const OMDB = {
  seriesTitle: 'Breaking Bad',
  episodeTitle: 'Pilot (2008)',
  imdbRating: 9,
  imdbId: 'tt0903747',
};

describe('MetadataEnrichService for TV', () => {
  let tvdb: FakeTvProvider;
  let tmdb: FakeTvProvider;
  let omdb: FakeTvProvider;
  let clock: FakeClock;
  let service: MetadataEnrichService;

  const request = (overrides: Partial<TvEnrichRequest> = {}): TvEnrichRequest => ({
    type: 'TV',
    settings: KEYS,
    file: { seriesTitle: 'Breaking Bad', season: 1, episode: 1, runtimeMinutes: 57 },
    ...overrides,
  });

  beforeEach(() => {
    tvdb = new FakeTvProvider('tvdb', ['tvdb', 'imdb']);
    tmdb = new FakeTvProvider('tmdb', ['tmdb', 'imdb', 'tvdb']);
    omdb = new FakeTvProvider('omdb', ['imdb']);
    clock = new FakeClock();
    service = new MetadataEnrichService({
      providers: { tvdb, tmdb, omdb },
      merge: mergeMetadata,
      clock,
    });
  });

  it('asks TheTVDB, then TMDb and OMDb by the ids TheTVDB found, and merges TVDB > TMDb > OMDb > file', async () => {
    tvdb.script.set('title:Breaking Bad:1x1', { kind: 'found', value: TVDB });
    tmdb.script.set('id:tmdb:1396:1x1', { kind: 'found', value: TMDB });
    omdb.script.set('id:imdb:tt0903747:1x1', { kind: 'found', value: OMDB }, true);
    const result = await service.enrich(request());
    expect([tvdb.calls, tmdb.calls, omdb.calls]).toEqual([
      ['title:Breaking Bad:1x1'],
      ['id:tmdb:1396:1x1'],
      ['id:imdb:tt0903747:1x1'],
    ]);
    expect(result.fields).toEqual({
      seriesTitle: 'Breaking Bad',
      network: 'AMC',
      episodeTitle: 'Pilot',
      tvdbId: '81189',
      tmdbId: '1396',
      imdbId: 'tt0903747',
      runtimeMinutes: 58,
      tmdbRating: 8.3,
      imdbRating: 9,
      season: 1,
      episode: 1,
    });
    expect(result.provenance.episodeTitle?.rejected).toEqual([
      { source: 'omdb', value: 'Pilot (2008)' },
    ]);
    expect(result.provenance.runtimeMinutes?.rejected).toEqual([{ source: 'file', value: 57 }]);
    expect(result.providers.map((s) => [s.provider, s.lookup, s.outcome, s.fromCache])).toEqual([
      ['tvdb', 'title', 'found', false],
      ['tmdb', 'id', 'found', false],
      ['omdb', 'id', 'found', true],
    ]);
    expect(result.sources).toEqual(['tvdb', 'tmdb', 'omdb']);
  });

  it('reports providers without a key as skipped and still merges the rest', async () => {
    tvdb.script.set('title:Breaking Bad:1x1', { kind: 'found', value: TVDB });
    const result = await service.enrich(
      request({ settings: { tvdb: { apiKey: 'k' }, omdb: { apiKey: ' ' } } }),
    );
    expect(result.providers.map((s) => [s.provider, s.outcome, s.reason])).toEqual([
      ['tvdb', 'found', null],
      ['tmdb', 'skipped', 'no API key is configured'],
      ['omdb', 'skipped', 'no API key is configured'],
    ]);
    expect(result.fields.network).toBe('AMC');
  });

  it('trusts a pinned id: no search when it is not found', async () => {
    await service.enrich(request({ pins: [{ scheme: 'tvdb', value: '999' }] }));
    expect(tvdb.calls).toEqual(['id:tvdb:999:1x1']);
    // TMDb maps TVDB ids too, and trusts the pin as well; OMDb cannot, so it searches
    expect(tmdb.calls).toEqual(['id:tvdb:999:1x1']);
    expect(omdb.calls).toEqual(['title:Breaking Bad:1x1']);
  });

  it('treats an id learnt from another provider as a hint: a search follows when it fails', async () => {
    tvdb.script.set('title:Breaking Bad:1x1', { kind: 'found', value: TVDB });
    await service.enrich(request());
    expect(tmdb.calls).toEqual(['id:tmdb:1396:1x1', 'title:Breaking Bad:1x1']);
  });

  it('resolves an IMDb pin with every provider that can', async () => {
    await service.enrich(request({ file: {}, pins: [{ scheme: 'imdb', value: 'tt0903747' }] }));
    expect([tvdb.calls, tmdb.calls, omdb.calls]).toEqual([
      ['id:imdb:tt0903747:nullxnull'],
      ['id:imdb:tt0903747:nullxnull'],
      ['id:imdb:tt0903747:nullxnull'],
    ]);
  });

  it('says so when there is nothing to look up, and keeps going on failures', async () => {
    const empty = await service.enrich(request({ file: {} }));
    expect(
      empty.providers.every((s) => s.reason === 'nothing to look up: no series title or id'),
    ).toBe(true);
    tvdb.script.set('title:Breaking Bad:1x1', {
      kind: 'bad_credentials',
      reason: 'InvalidAPIKey: apikey invalid',
    });
    tmdb.script.set('title:Breaking Bad:1x1', {
      kind: 'rate_limited',
      reason: 'HTTP 429',
      retryAfterSeconds: 2,
    });
    const failing = await service.enrich(request());
    expect(failing.providers.slice(0, 2)).toEqual([
      {
        provider: 'tvdb',
        lookup: 'title',
        outcome: 'bad_credentials',
        reason: 'InvalidAPIKey: apikey invalid',
        durationMs: 0,
        fromCache: false,
      },
      {
        provider: 'tmdb',
        lookup: 'title',
        outcome: 'rate_limited',
        reason: 'HTTP 429',
        durationMs: 0,
        fromCache: false,
        retryAfterSeconds: 2,
      },
    ]);
    expect(failing.fields).toEqual({
      seriesTitle: 'Breaking Bad',
      season: 1,
      episode: 1,
      runtimeMinutes: 57,
    });
  });

  it('uses the user-set priority and typed values', async () => {
    tvdb.script.set('title:Show:1x1', {
      kind: 'found',
      value: { network: 'AMC', seriesTitle: 'Show' },
    });
    omdb.script.set('title:Show:1x1', { kind: 'found', value: { network: 'Netflix' } });
    const result = await service.enrich(
      request({
        file: { seriesTitle: 'Show', season: 1, episode: 1 },
        user: { episodeTitle: 'My Title' },
        priority: ['omdb', 'tvdb'],
      }),
    );
    expect(result.fields).toMatchObject({ network: 'Netflix', episodeTitle: 'My Title' });
    expect(result.provenance.episodeTitle?.source).toBe('user');
  });
});
