import { describe, expect, it } from 'vitest';
import { parseTvName, type TvNameFields } from '../../../../src/core/release-name/index.js';

type Expect = Partial<TvNameFields>;

const ep = (season: number | null, ...episodes: number[]) => ({
  kind: 'episode' as const,
  season,
  episodes,
  suffix: null,
});

describe('parseTvName', () => {
  it.each<[string, Expect]>([
    [
      'Show.Name.S01E02.720p.HDTV.x264-GRP',
      {
        show: 'Show.Name',
        episode: ep(1, 2),
        resolution: '720p',
        source: 'HDTV',
        codec: 'x264',
        group: 'GRP',
      },
    ],
    ['Show.Name.1x02.720p.HDTV.x264-GRP', { show: 'Show.Name', episode: ep(1, 2) }],
    [
      'Show.Name.12x103.HDTV.x264-GRP',
      { show: 'Show.Name', episode: ep(12, 103), resolution: null },
    ],
    [
      'Show.Name.S01E01-E02.1080p.WEB.H264-GRP',
      { episode: ep(1, 1, 2), source: 'WEB', codec: 'H264' },
    ],
    ['Show.Name.S01E01E02.1080p.WEB.H264-GRP', { episode: ep(1, 1, 2) }],
    [
      'Show.Name.S02E01A.720p.HDTV.x264-GRP',
      { episode: { kind: 'episode', season: 2, episodes: [1], suffix: 'A' } },
    ],
    ['One.Piece.E01.1080p.WEB.H264-GRP', { show: 'One.Piece', episode: ep(null, 1) }],
    ['One.Piece.E1000.1080p.WEB.H264-GRP', { episode: ep(null, 1000) }],
    ['Show.Name.S01E100.1080p.WEB.H264-GRP', { episode: ep(1, 100) }],
    ['Show.Name.S101E01.1080p.WEB.H264-GRP', { episode: ep(101, 1) }],
    [
      'Show.Name.2024.03.05.Jane.Doe.720p.HDTV.x264-GRP',
      { show: 'Show.Name', episode: { kind: 'daily', date: '2024-03-05' }, title: 'Jane.Doe' },
    ],
    [
      'The.Daily.Show.2016.04.11.720p.WEB.h264-GRP',
      { show: 'The.Daily.Show', episode: { kind: 'daily', date: '2016-04-11' }, codec: 'h264' },
    ],
    ['Show.Name.Part.3.720p.HDTV.x264-GRP', { episode: { kind: 'miniseries', part: 3 } }],
    [
      'Show.Name.Part3.Title.Here.720p.HDTV.x264-GRP',
      { episode: { kind: 'miniseries', part: 3 }, title: 'Title.Here' },
    ],
    [
      'Show.Name.Special.S02E00.Christmas.Special.720p.HDTV.x264-GRP',
      { show: 'Show.Name', episode: { kind: 'special', season: 2 }, title: 'Christmas.Special' },
    ],
    ['Show.Name.S02E00.Christmas.720p.HDTV.x264-GRP', { episode: ep(2, 0), title: 'Christmas' }],
    [
      'Planet.Earth.Live.2012.720p.HDTV.x264-GRP',
      { show: 'Planet.Earth.Live', year: 2012, episode: { kind: 'feature' } },
    ],
    [
      'The.Office.US.S01E01.720p.HDTV.x264-GRP',
      { show: 'The.Office', country: 'US', episode: ep(1, 1) },
    ],
    ['The.Office.UK.S01E01.720p.HDTV.x264-GRP', { show: 'The.Office', country: 'UK' }],
    [
      'Second.Chance.2016.S01E01.720p.HDTV.x264-GRP',
      { show: 'Second.Chance', year: 2016, country: null },
    ],
    ['Wanted.AU.2016.S01E01.720p.HDTV.x264-GRP', { show: 'Wanted', country: 'AU', year: 2016 }],
    ['Show.Name.S01E02.The.Beginning.1080p.WEB.H264-GRP', { title: 'The.Beginning' }],
    ['Show.Name.S01E02.PROPER.1080p.WEB.H264-GRP', { title: null, tags: ['PROPER'] }],
    ['Show.Name.S01E02.REAL.REAL.PROPER.720p.HDTV.x264-GRP', { tags: ['REAL', 'REAL', 'PROPER'] }],
    [
      'Show.Name.S01E02.ALTERNATIVE.CUT.1080p.WEB.H264-GRP',
      { tags: ['ALTERNATIVE.CUT'], title: null },
    ],
    ['Show.Name.S01E02.iNTERNAL.1080p.WEB.H264-GRP', { tags: ['iNTERNAL'] }],
    ['Show.Name.S01E10.The.Final.Cut.720p.HDTV.x264-GRP', { title: 'The.Final.Cut', tags: [] }],
    ['Show.Name.S01E10.Final.FINAL.720p.HDTV.x264-GRP', { title: 'Final', tags: ['FINAL'] }],
    ['Show.Name.S01E02.FRENCH.720p.HDTV.x264-GRP', { language: 'FRENCH', title: null }],
    [
      'Show.Name.S01E02.The.French.Connection.720p.HDTV.x264-GRP',
      { language: null, title: 'The.French.Connection' },
    ],
    [
      'Show.Name.S01E02.Pilot.REPACK.SPANISH.1080p.WEB.H264-GRP',
      { title: 'Pilot', tags: ['REPACK'], language: 'SPANISH' },
    ],
    ['Show.Name.S01E02.SUBFRENCH.720p.HDTV.x264-GRP', { language: 'SUBFRENCH' }],
    ['Show.Name.S01E02.HR.PDTV.x264-GRP', { source: 'HR.PDTV', codec: 'x264', resolution: null }],
    ['Show.Name.S01E02.PDTV.x264-GRP', { source: 'PDTV' }],
    ['Show.Name.S01E02.DSR.x264-GRP', { source: 'DSR' }],
    ['Show.Name.S01E02.AHDTV.x264-GRP', { source: 'AHDTV' }],
    [
      'Show.Name.S01E02.2160p.WEBRip.x265-GRP',
      { resolution: '2160p', source: 'WEBRip', codec: 'x265' },
    ],
    ['Show.Name.S01E02.WEB.H264-GRP', { resolution: null, source: 'WEB' }],
    ['Show.Name.S01E02.1080p.WEB-GRP', { source: 'WEB', codec: null }],
    ['Show.S01E06.1080p.WEB.h264-GRP', { show: 'Show', episode: ep(1, 6), codec: 'h264' }],
    ['Spider-Man.S01E01.720p.HDTV.x264-GRP', { show: 'Spider-Man', group: 'GRP' }],
    ['Show.Name.S01E02.1080p.WEB.H264-Grp_1', { group: 'Grp_1' }],
    ['1923.S01E01.1080p.WEB.H264-GRP', { show: '1923', year: null, episode: ep(1, 1) }],
    ['Show.Name.S01E02.READ.NFO.720p.HDTV.x264-GRP', { tags: ['READ.NFO'] }],
    ['Show.Name.S01E02.HDR.DV.2160p.WEB.H265-GRP', { tags: ['HDR', 'DV'] }],
  ])('%s', (name, expected) => {
    const result = parseTvName(name);
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it.each<[string, RegExp]>([
    ['Show.Name.S01E02.720p.HDTV.x264', /GROUP/],
    ['Show.Name.S01E02.720p.HDTV.x264-', /GROUP/],
    ['Show.Name.S01E02.720p.BluRay.x264-GRP', /source/],
    ['Show.Name.720p.HDTV.x264-GRP', /no episode/],
    ['S01E01.720p.HDTV.x264-GRP', /no episode|no show/],
    ['HDTV.x264-GRP', /source|no show/],
  ])('refuses %s', (name, reason) => {
    const result = parseTvName(name);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});
