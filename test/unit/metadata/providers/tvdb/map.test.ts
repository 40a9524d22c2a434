import { describe, expect, it } from 'vitest';
import { bestHit, mapEpisode, mapSeries } from '../../../../../src/metadata/providers/tvdb/map.js';
import type {
  RawEnvelope,
  RawEpisodeExtended,
  RawSearchResult,
  RawSeriesEpisodes,
  RawSeriesExtended,
} from '../../../../../src/metadata/providers/tvdb/raw.js';
import { jwtExpiry, tokenKey } from '../../../../../src/metadata/providers/tvdb/token.js';
import { fixture } from '../../../../fakes/providers/fake-http-server.js';

const data = (name: string): unknown => (fixture('tvdb', name) as RawEnvelope<unknown>).data;

describe('TheTVDB map', () => {
  const series = data('series-81189-extended') as RawSeriesExtended;

  it('reads the series status object, 3-letter language and remote ids', () => {
    expect(mapSeries(series)).toMatchObject({
      status: 'Ended',
      language: 'en',
      imdbId: 'tt0903747',
      tmdbId: '1396',
      year: 2008,
    });
  });

  it('treats empty dates and images as absent', () => {
    const fields = mapSeries({ ...series, firstAired: '', image: '', artworks: [] });
    expect(fields.firstAired).toBeUndefined();
    expect(fields.posterUrl).toBeUndefined();
  });

  it('takes the original name when it is English and no translation was sent', () => {
    expect(mapSeries({ ...series, translations: undefined }).seriesTitle).toBe('Breaking Bad');
  });

  it('maps an episode with its extended record', () => {
    const [episode] = (data('episodes-81189-s01e01') as RawSeriesEpisodes).episodes;
    const extended = data('episode-349232-extended') as RawEpisodeExtended;
    expect(mapEpisode(episode!, extended, 'eng')).toMatchObject({
      season: 1,
      episode: 1,
      episodeTitle: 'Pilot',
      imdbEpisodeId: 'tt0959621',
    });
    expect(mapEpisode({ ...episode!, runtime: null }, undefined, 'jpn')).toEqual({
      season: 1,
      episode: 1,
      aired: '2008-01-20',
      tvdbEpisodeId: '349232',
    });
  });

  it('picks the hit named as asked (or by its alias), then by year', () => {
    const hits = data('search-breaking-bad') as RawSearchResult[];
    expect(bestHit(hits, 'breaking bad original minisodes', null)?.tvdb_id).toBe('273181');
    expect(bestHit(hits, 'Breaking.Bad', null)?.tvdb_id).toBe('81189');
    const remake = { ...hits[0]!, tvdb_id: '1', year: '2030' };
    expect(bestHit([hits[0]!, remake], 'Breaking Bad', 2030)?.tvdb_id).toBe('1');
    expect(bestHit([], 'x', null)).toBeUndefined();
  });
});

describe('TheTVDB tokens', () => {
  it('reads the exp claim of a JWT and tolerates anything else', () => {
    const payload = Buffer.from(JSON.stringify({ exp: 1_800_000_000 })).toString('base64url');
    expect(jwtExpiry(`x.${payload}.y`)).toBe(1_800_000_000_000);
    expect(jwtExpiry('opaque-token')).toBeUndefined();
    expect(jwtExpiry('a.!!!.c')).toBeUndefined();
  });

  it('keys tokens by a hash that holds no secret', () => {
    const key = tokenKey('https://api4.thetvdb.com/v4', { apiKey: 'secret-key', pin: '1234' });
    expect(key).toMatch(/^tvdb:token:[0-9a-f]{40}$/);
    expect(key).not.toContain('secret');
    expect(tokenKey('https://api4.thetvdb.com/v4', { apiKey: 'secret-key' })).not.toBe(key);
  });
});
