import { describe, expect, it } from 'vitest';
import { buildTvName, type TvNameInput } from '../../../../src/core/release-name/index.js';
import { getProfile, type TvProfile } from '../../../../src/core/rules/index.js';
import { isAppError, type ErrorCode } from '../../../../src/shared/errors.js';

const web = getProfile('tv-web-2020') as TvProfile;
const hdtv = getProfile('tv-720p-hdtv-2016') as TvProfile;
const sd = getProfile('tv-sd-2016') as TvProfile;

const webDl1080 = { width: 1920, height: 1080, videoCodec: 'AVC' };
const base: TvNameInput = {
  show: 'Show Name',
  episode: { kind: 'episode', season: 1, episodes: [2], suffix: null },
  media: webDl1080,
  group: 'GRP',
};

describe('buildTvName: WEB (WDX 2020)', () => {
  it.each<[string, Partial<TvNameInput>, string]>([
    ['weekly untouched 1080p', {}, 'Show.Name.S01E02.1080p.WEB.H264-GRP'],
    [
      'untouched HEVC',
      { media: { ...webDl1080, videoCodec: 'HEVC' } },
      'Show.Name.S01E02.1080p.WEB.H265-GRP',
    ],
    [
      'x264 encode is a WEBRip',
      { media: { ...webDl1080, writingLibrary: 'x264 core 164 r3095 baee400' } },
      'Show.Name.S01E02.1080p.WEBRip.x264-GRP',
    ],
    [
      'x265 encode is a WEBRip',
      { media: { width: 3840, height: 2160, videoCodec: 'HEVC', writingLibrary: 'x265 3.5+1' } },
      'Show.Name.S01E02.2160p.WEBRip.x265-GRP',
    ],
    [
      'transcoded flag without encoder info',
      { transcoded: true },
      'Show.Name.S01E02.1080p.WEBRip.x264-GRP',
    ],
    [
      'untouched flag beats the writing library',
      { transcoded: false, media: { ...webDl1080, writingLibrary: 'x264 core 142' } },
      'Show.Name.S01E02.1080p.WEB.H264-GRP',
    ],
    [
      '720p',
      { media: { width: 1280, height: 720, videoCodec: 'AVC' } },
      'Show.Name.S01E02.720p.WEB.H264-GRP',
    ],
    [
      'cropped 720p',
      { media: { width: 1280, height: 536, videoCodec: 'AVC' } },
      'Show.Name.S01E02.720p.WEB.H264-GRP',
    ],
    [
      'cropped 1080p',
      { media: { width: 1920, height: 800, videoCodec: 'AVC' } },
      'Show.Name.S01E02.1080p.WEB.H264-GRP',
    ],
    [
      '2160p untouched',
      { media: { width: 3840, height: 2160, videoCodec: 'HEVC' } },
      'Show.Name.S01E02.2160p.WEB.H265-GRP',
    ],
    [
      'SD drops the resolution',
      { media: { width: 720, height: 404, videoCodec: 'AVC' } },
      'Show.Name.S01E02.WEB.H264-GRP',
    ],
    [
      'episode title',
      { episodeTitle: 'The Beginning' },
      'Show.Name.S01E02.The.Beginning.1080p.WEB.H264-GRP',
    ],
    [
      'multi-episode',
      { episode: { kind: 'episode', season: 1, episodes: [1, 2], suffix: null } },
      'Show.Name.S01E01-E02.1080p.WEB.H264-GRP',
    ],
    [
      'three episodes',
      { episode: { kind: 'episode', season: 3, episodes: [7, 8, 9], suffix: null } },
      'Show.Name.S03E07-E08-E09.1080p.WEB.H264-GRP',
    ],
    [
      'episode part letter',
      { episode: { kind: 'episode', season: 2, episodes: [1], suffix: 'A' } },
      'Show.Name.S02E01A.1080p.WEB.H264-GRP',
    ],
    [
      'episode above 99',
      { episode: { kind: 'episode', season: 1, episodes: [100], suffix: null } },
      'Show.Name.S01E100.1080p.WEB.H264-GRP',
    ],
    [
      'season above 99',
      { episode: { kind: 'episode', season: 101, episodes: [1], suffix: null } },
      'Show.Name.S101E01.1080p.WEB.H264-GRP',
    ],
    [
      'no season',
      {
        show: 'One Piece',
        episode: { kind: 'episode', season: null, episodes: [1], suffix: null },
      },
      'One.Piece.E01.1080p.WEB.H264-GRP',
    ],
    [
      'special',
      { episode: { kind: 'special', season: 2 }, episodeTitle: 'Christmas Special' },
      'Show.Name.Special.S02E00.Christmas.Special.1080p.WEB.H264-GRP',
    ],
    [
      'daily with a guest',
      { episode: { kind: 'daily', date: '2024-03-05' }, episodeTitle: 'Jane Doe' },
      'Show.Name.2024.03.05.Jane.Doe.1080p.WEB.H264-GRP',
    ],
    [
      'miniseries (WDX writes PartN)',
      { episode: { kind: 'miniseries', part: 2 } },
      'Show.Name.Part2.1080p.WEB.H264-GRP',
    ],
    [
      'feature with its year',
      { show: 'A Documentary', episode: { kind: 'feature' }, year: 2016 },
      'A.Documentary.2016.1080p.WEB.H264-GRP',
    ],
    [
      'country code',
      { show: 'The Office', country: 'us' },
      'The.Office.US.S01E02.1080p.WEB.H264-GRP',
    ],
    [
      'GB is written UK',
      { show: 'The Office', country: 'GB' },
      'The.Office.UK.S01E02.1080p.WEB.H264-GRP',
    ],
    [
      'year disambiguation',
      { show: 'Second Chance', year: 2016 },
      'Second.Chance.2016.S01E02.1080p.WEB.H264-GRP',
    ],
    [
      'country and year',
      { show: 'Wanted', country: 'AU', year: '2016' },
      'Wanted.AU.2016.S01E02.1080p.WEB.H264-GRP',
    ],
    ['language', { language: 'fr' }, 'Show.Name.S01E02.FRENCH.1080p.WEB.H264-GRP'],
    ['English has no tag', { language: 'en-GB' }, 'Show.Name.S01E02.1080p.WEB.H264-GRP'],
    ['German by 639-2/B', { language: 'ger' }, 'Show.Name.S01E02.GERMAN.1080p.WEB.H264-GRP'],
    [
      'Italian stays upper case in TV',
      { language: 'it' },
      'Show.Name.S01E02.ITALIAN.1080p.WEB.H264-GRP',
    ],
    [
      'short language form',
      { language: 'SUBFRENCH' },
      'Show.Name.S01E02.SUBFRENCH.1080p.WEB.H264-GRP',
    ],
    ['tags', { tags: ['proper'] }, 'Show.Name.S01E02.PROPER.1080p.WEB.H264-GRP'],
    [
      'REAL stacks',
      { tags: ['REAL', 'REAL', 'PROPER'] },
      'Show.Name.S01E02.REAL.REAL.PROPER.1080p.WEB.H264-GRP',
    ],
    [
      'multi-token tag',
      { tags: ['alternative.cut'] },
      'Show.Name.S01E02.ALTERNATIVE.CUT.1080p.WEB.H264-GRP',
    ],
    [
      'HDR10Plus keeps its case',
      { tags: ['hdr10plus'], media: { width: 3840, height: 2160, videoCodec: 'HEVC' } },
      'Show.Name.S01E02.HDR10Plus.2160p.WEB.H265-GRP',
    ],
    [
      'tags then language',
      { tags: ['INTERNAL'], language: 'de' },
      'Show.Name.S01E02.INTERNAL.GERMAN.1080p.WEB.H264-GRP',
    ],
    [
      'title, tags, language',
      { episodeTitle: 'Pilot', tags: ['REPACK'], language: 'es' },
      'Show.Name.S01E02.Pilot.REPACK.SPANISH.1080p.WEB.H264-GRP',
    ],
    [
      'title punctuation',
      { show: 'M*A*S*H', episodeTitle: "Hawkeye's Night: Part 1" },
      'M.A.S.H.S01E02.Hawkeyes.Night.Part.1.1080p.WEB.H264-GRP',
    ],
    [
      'accents',
      { show: 'Les Revenants', episodeTitle: 'Camille', language: 'fra' },
      'Les.Revenants.S01E02.Camille.FRENCH.1080p.WEB.H264-GRP',
    ],
    [
      'explicit WEBRip source',
      { source: 'webrip', media: { ...webDl1080, writingLibrary: 'x264' } },
      'Show.Name.S01E02.1080p.WEBRip.x264-GRP',
    ],
  ])('%s', (_label, change, expected) => {
    expect(buildTvName({ ...base, ...change }, web).name).toBe(expected);
  });
});

describe('buildTvName: HDTV 720p and SD 2016', () => {
  const hd = { width: 1280, height: 720, videoCodec: 'AVC', writingLibrary: 'x264 core 148' };
  const sdMedia = { width: 720, height: 576, videoCodec: 'AVC', writingLibrary: 'x264 core 148' };
  it.each<[string, TvProfile, Partial<TvNameInput>, string]>([
    ['HDTV 720p', hdtv, { media: hd }, 'Show.Name.S01E02.720p.HDTV.x264-GRP'],
    ['AHDTV', hdtv, { media: hd, source: 'ahdtv' }, 'Show.Name.S01E02.720p.AHDTV.x264-GRP'],
    [
      'HR.PDTV has no 720p',
      hdtv,
      { media: { ...hd, width: 960, height: 540 }, source: 'HR.PDTV' },
      'Show.Name.S01E02.HR.PDTV.x264-GRP',
    ],
    [
      '960x540 HDTV is still 720p',
      hdtv,
      { media: { ...hd, width: 960, height: 540 } },
      'Show.Name.S01E02.720p.HDTV.x264-GRP',
    ],
    [
      'miniseries (TV16 writes Part.N)',
      hdtv,
      { media: hd, episode: { kind: 'miniseries', part: 3 } },
      'Show.Name.Part.3.720p.HDTV.x264-GRP',
    ],
    [
      'feature keeps x264',
      hdtv,
      { media: hd, show: 'Planet Earth Live', year: 2012, episode: { kind: 'feature' } },
      'Planet.Earth.Live.2012.720p.HDTV.x264-GRP',
    ],
    [
      'daily',
      hdtv,
      { media: hd, episode: { kind: 'daily', date: '2016-04-11' } },
      'Show.Name.2016.04.11.720p.HDTV.x264-GRP',
    ],
    [
      'FINAL and WS',
      hdtv,
      { media: hd, tags: ['final', 'ws'] },
      'Show.Name.S01E02.FINAL.WS.720p.HDTV.x264-GRP',
    ],
    ['SD HDTV', sd, { media: sdMedia }, 'Show.Name.S01E02.HDTV.x264-GRP'],
    ['SD PDTV', sd, { media: sdMedia, source: 'PDTV' }, 'Show.Name.S01E02.PDTV.x264-GRP'],
    [
      'SD DSR',
      sd,
      { media: { ...sdMedia, height: 480 }, source: 'DSR' },
      'Show.Name.S01E02.DSR.x264-GRP',
    ],
    [
      'SD ADSR with language',
      sd,
      { media: sdMedia, source: 'ADSR', language: 'nl' },
      'Show.Name.S01E02.DUTCH.ADSR.x264-GRP',
    ],
  ])('%s', (_label, profile, change, expected) => {
    expect(buildTvName({ ...base, ...change }, profile).name).toBe(expected);
  });
});

describe('buildTvName: refusals', () => {
  it.each<[string, TvProfile, Partial<TvNameInput>, ErrorCode]>([
    ['empty show', web, { show: '  ' }, 'release.title_required'],
    ['feature without a year', web, { episode: { kind: 'feature' } }, 'release.year_required'],
    ['bad disambiguation year', web, { year: 1850 }, 'release.year_required'],
    ['group with a hyphen', web, { group: 'G-RP' }, 'release.group_invalid'],
    ['READNFO with PROPER', web, { tags: ['READNFO', 'PROPER'] }, 'release.invalid_name'],
    ['READNFO with RERIP', web, { tags: ['RERIP', 'READNFO'] }, 'release.invalid_name'],
    ['READ.NFO spelling', web, { tags: ['READ.NFO'] }, 'release.invalid_name'],
    ['RNFO spelling', web, { tags: ['RNFO'] }, 'release.invalid_name'],
    ['PROPER twice', web, { tags: ['PROPER', 'PROPER'] }, 'release.invalid_name'],
    ['tag outside the whitelist', web, { tags: ['REMUX'] }, 'release.invalid_name'],
    [
      'WDX tag in TV16',
      hdtv,
      { tags: ['HDR'], media: { width: 1280, height: 720, videoCodec: 'AVC' } },
      'release.invalid_name',
    ],
    ['unknown country', web, { country: 'XX' }, 'release.invalid_name'],
    ['unknown language', web, { language: 'zz' }, 'release.invalid_name'],
    [
      'impossible date',
      web,
      { episode: { kind: 'daily', date: '2023-02-30' } },
      'release.invalid_name',
    ],
    [
      'episodes out of order',
      web,
      { episode: { kind: 'episode', season: 1, episodes: [3, 2], suffix: null } },
      'release.invalid_name',
    ],
    [
      'negative season',
      web,
      { episode: { kind: 'episode', season: -1, episodes: [1], suffix: null } },
      'release.invalid_name',
    ],
    ['part 0', web, { episode: { kind: 'miniseries', part: 0 } }, 'release.invalid_name'],
    [
      'VP9 stream',
      web,
      { media: { ...webDl1080, videoCodec: 'VP9' } },
      'release.format_not_allowed',
    ],
    [
      'x264 at 2160p',
      web,
      { media: { width: 3840, height: 2160, videoCodec: 'AVC', writingLibrary: 'x264' } },
      'release.format_not_allowed',
    ],
    [
      'larger than 2160p',
      web,
      { media: { width: 7680, height: 4320, videoCodec: 'HEVC' } },
      'release.format_not_allowed',
    ],
    ['1080p under the 720p rules', hdtv, {}, 'release.format_not_allowed'],
    [
      'WEB source under HDTV rules',
      hdtv,
      { source: 'WEB', media: { width: 1280, height: 720, videoCodec: 'AVC' } },
      'release.format_not_allowed',
    ],
    [
      'HD frame under SD rules',
      sd,
      { media: { width: 1280, height: 720, videoCodec: 'AVC' } },
      'release.format_not_allowed',
    ],
    [
      'HEVC under SD rules',
      sd,
      { media: { width: 720, height: 576, videoCodec: 'HEVC' } },
      'release.format_not_allowed',
    ],
  ])('%s', (_label, profile, change, code) => {
    expect(errorCodeOf(() => buildTvName({ ...base, ...change }, profile))).toBe(code);
  });
});

describe('buildTvName: episode titles that would read as tags or a language', () => {
  it.each<[string, string]>([
    ['HR', 'Show.Name.S01E02.Hr.PROPER.720p.HDTV.x264-GRP'],
    ['dv', 'Show.Name.S01E02.Dv.PROPER.720p.HDTV.x264-GRP'],
    ['Back to FRENCH', 'Show.Name.S01E02.Back.to.French.PROPER.720p.HDTV.x264-GRP'],
    ['REAL FINAL', 'Show.Name.S01E02.Real.Final.PROPER.720p.HDTV.x264-GRP'],
    ['NCIS Files', 'Show.Name.S01E02.NCIS.Files.PROPER.720p.HDTV.x264-GRP'],
  ])('%s is written so that parsers keep it a title', (title, expected) => {
    const input = { ...base, episodeTitle: title, tags: ['PROPER'] };
    const media = { width: 1280, height: 720, videoCodec: 'AVC', writingLibrary: 'x264' };
    expect(buildTvName({ ...input, media }, hdtv).name).toBe(expected);
  });
});

describe('buildTvName: length', () => {
  it('drops episode-title words to stay within the profile length', () => {
    const episodeTitle = Array.from({ length: 80 }, (_, i) => `Word${i}`).join(' ');
    const built = buildTvName({ ...base, episodeTitle, tags: ['PROPER'] }, web);
    expect(built.name.length).toBeLessThanOrEqual(255);
    expect(built.name).toMatch(/^Show\.Name\.S01E02\.Word0\..*\.PROPER\.1080p\.WEB\.H264-GRP$/);
    expect(built.titleShortened).toBe(true);
    expect(built.fullTitle).toBe(episodeTitle);
  });

  it('refuses when even without a title the name is too long', () => {
    const show = 'Long '.repeat(60);
    expect(errorCodeOf(() => buildTvName({ ...base, show }, web))).toBe('release.invalid_name');
  });
});

function errorCodeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return isAppError(error) ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'no error';
}
