import { describe, expect, it } from 'vitest';
import {
  mapEpisode,
  mapSeries,
  releasedDate,
  value,
} from '../../../../../src/metadata/providers/omdb/map.js';
import type { RawEpisode, RawSeries } from '../../../../../src/metadata/providers/omdb/raw.js';
import { fixture } from '../../../../fakes/providers/fake-http-server.js';

describe('OMDb map', () => {
  it('reads "N/A" and blanks as absent', () => {
    expect([value('N/A'), value(' '), value('x')]).toEqual([undefined, undefined, 'x']);
  });

  it('parses DD Mon YYYY and ISO release dates, nothing else', () => {
    expect(releasedDate('20 Jan 2008')).toBe('2008-01-20');
    expect(releasedDate('2008-07-18')).toBe('2008-07-18');
    expect([releasedDate('N/A'), releasedDate('20 Foo 2008'), releasedDate('2008')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('takes the first year of a running series and the first language', () => {
    const series = fixture('omdb', 'series-tt0903747') as RawSeries;
    expect(mapSeries({ ...series, Year: '2019–', Language: 'French, English' })).toMatchObject({
      year: 2019,
      language: 'fr',
    });
  });

  it('maps an episode, leaving out its N/A poster and reading the runtime', () => {
    const episode = fixture('omdb', 'episode-tt0959621') as RawEpisode;
    const fields = mapEpisode(episode);
    expect(fields).toMatchObject({
      season: 1,
      episode: 1,
      runtimeMinutes: 58,
      imdbId: 'tt0903747',
    });
    expect(fields.posterUrl).toBeUndefined();
    expect(
      mapEpisode({ ...episode, Runtime: 'N/A', imdbRating: 'N/A' }).runtimeMinutes,
    ).toBeUndefined();
  });
});
