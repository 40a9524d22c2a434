import { describe, expect, it } from 'vitest';
import { bestResult, mapEpisode, mapTv } from '../../../../../src/metadata/providers/tmdb/map.js';
import type {
  RawConfiguration,
  RawEpisode,
  RawPaged,
  RawTvDetails,
  RawTvSearchResult,
} from '../../../../../src/metadata/providers/tmdb/raw.js';
import { fixture } from '../../../../fakes/providers/fake-http-server.js';

const tv = fixture('tmdb', 'tv-1396') as RawTvDetails;
const configuration = fixture('tmdb', 'configuration') as RawConfiguration;

describe('TMDb map', () => {
  it('builds the poster URL from the configuration, w500 or else the largest size', () => {
    expect(mapTv(tv, configuration).posterUrl).toBe(
      'https://image.tmdb.org/t/p/w500/ztkUQFLlC19CCMYHW9o1zWhJRNq.jpg',
    );
    const small = {
      images: {
        ...configuration.images,
        secure_base_url: 'https://cdn.example/t/p',
        poster_sizes: ['w92', 'w185'],
      },
    };
    expect(mapTv(tv, small).posterUrl).toBe(
      'https://cdn.example/t/p/w185/ztkUQFLlC19CCMYHW9o1zWhJRNq.jpg',
    );
    expect(mapTv({ ...tv, poster_path: null }, configuration).posterUrl).toBeUndefined();
  });

  it('leaves out ids that were not appended and ratings without votes', () => {
    const fields = mapTv({ ...tv, external_ids: undefined, vote_count: 0 }, undefined);
    expect(fields.imdbId).toBeUndefined();
    expect(fields.tmdbRating).toBeUndefined();
    expect(fields.tmdbId).toBe('1396');
  });

  it('treats null air dates and runtimes as absent', () => {
    const episode = fixture('tmdb', 'episode-1396-s01e01') as RawEpisode;
    const fields = mapEpisode({ ...episode, air_date: null, runtime: null });
    expect(fields.aired).toBeUndefined();
    expect(fields.runtimeMinutes).toBeUndefined();
    expect(fields.episodeTitle).toBe('Pilot');
  });

  it('prefers the result named as asked, then the year', () => {
    const { results } = fixture('tmdb', 'search-tv-breaking-bad') as RawPaged<RawTvSearchResult>;
    expect(bestResult(results, 'Breaking Bad: The Making Of', null)?.id).toBe(239770);
    expect(bestResult(results, 'Something Else', null)?.id).toBe(1396);
    const remake = { ...results[0]!, id: 7, first_air_date: '2031-01-01' };
    expect(bestResult([results[0]!, remake], 'Breaking Bad', 2031)?.id).toBe(7);
  });
});
