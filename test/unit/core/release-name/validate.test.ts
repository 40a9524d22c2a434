import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildEbookName,
  buildTvName,
  validateReleaseName,
  type NameContext,
} from '../../../../src/core/release-name/index.js';
import { getProfile, type EbookProfile, type TvProfile } from '../../../../src/core/rules/index.js';

const ebook = getProfile('ebook-2022');
const web = getProfile('tv-web-2020');
const hdtv = getProfile('tv-720p-hdtv-2016');
const sd = getProfile('tv-sd-2016');

const rulesOf = (name: string, profile = ebook, context: NameContext = {}) =>
  validateReleaseName(name, profile, context).map((f) => `${f.level}:${f.rule}`);

describe('validateReleaseName: clean names', () => {
  it.each([
    ['Emile.Dupont.Le.Chateau.de.Verre.2019.FRENCH.RETAiL.ePUB.eBOOK-MYGRP', ebook],
    ['IDW.-.Machete.No.0.2010.Hybrid.Comic.eBook-BitBook', ebook],
    ['EDGE.No.314.2018.HYBRiD.MAGAZiNE.eBook-PAPERCLiPS', ebook],
    ['La.Gazzetta.Dello.Sport.09.28.2021.iTALiAN.RETAiL.eBook-DiVER', ebook],
    ['Show.Name.S01E02.720p.HDTV.x264-GRP', hdtv],
    ['Show.Name.S01E02.HR.PDTV.x264-GRP', hdtv],
    ['Show.Name.S01E02.PDTV.x264-GRP', sd],
    ['Show.S01E06.1080p.WEB.h264-GRP', web],
    ['Show.Name.S01E02.WEB.H264-GRP', web],
    ['Show.Name.S01E02.REAL.REAL.PROPER.2160p.WEBRip.x265-GRP', web],
    ['The.Office.US.S01E01.FRENCH.720p.HDTV.x264-GRP', hdtv],
  ])('%s', (name, profile) => {
    expect(validateReleaseName(name, profile)).toEqual([]);
  });
});

describe('validateReleaseName: findings', () => {
  it.each<[string, ReturnType<typeof getProfile>, NameContext, string[]]>([
    [
      'emile.dupont.le.chateau.de.verre.2019.RETAIL.EPUB.french.mygrp',
      ebook,
      {},
      ['error:name.group', 'error:ebook.structure'],
    ],
    ['Some Book.2019.RETAiL.eBOOK-GRP', ebook, {}, ['error:name.characters']],
    ['Some..Book.2019.RETAiL.eBOOK-GRP', ebook, {}, ['error:name.punctuation']],
    ['Some.Book.2019.RETAiL.eBOOK-MY-GRP', ebook, {}, ['error:ebook.structure']],
    ['Some.Book.2019.RETAiL.eBOOK-G', ebook, {}, ['error:name.group']],
    ['Some.Book.RETAiL.eBOOK-GRP', ebook, {}, ['error:ebook.year']],
    ['Some.Book.2019.eBOOK-GRP', ebook, {}, ['error:ebook.source']],
    ['Some.Book.2019.ENGLiSH.RETAiL.eBOOK-GRP', ebook, {}, ['error:ebook.language']],
    ['Some.Book.2019.RETAiL.REMUX.eBOOK-GRP', ebook, {}, ['error:ebook.tags']],
    ['Some.Book.2019.RETAiL.REPACK.eBOOK-GRP', ebook, {}, ['warning:ebook.tags_convention']],
    ['Some.Book.2019.READNFO.RETAiL.eBOOK-GRP', ebook, {}, ['error:ebook.tag_order']],
    ['Some.Book.2019.RETAiL.ePUB.PROPER.eBOOK-GRP', ebook, {}, ['error:ebook.tag_order']],
    ['Some.Book.2019.SCAN.ePUB.eBOOK-GRP', ebook, {}, ['error:ebook.scan_pdf']],
    ['Some.Book.2019.RETAiL.ePUB.eBOOK-GRP', ebook, { format: 'PDF' }, ['error:ebook.format']],
    ['Some.Book.2019.RETAiL.eBOOK-GRP', ebook, { format: 'EPUB' }, ['error:ebook.format']],
    ['Some.Book.2019.RETAiL.KF8.eBOOK-GRP', ebook, { format: 'AZW3' }, []],
    ['Some.Book.2019.HYBRiD.DOCX.eBOOK-GRP', ebook, {}, ['error:ebook.non_scene_format']],
    [
      'Some.Book.2019.HYBRiD.iNTERNAL.DOCX.eBOOK-GRP',
      ebook,
      {},
      ['warning:ebook.non_scene_format'],
    ],
    ['Some.Mag.No.03.2019.RETAiL.eBOOK-GRP', ebook, { kind: 'magazine' }, ['error:ebook.type_tag']],
    ['PC.Magazine.No.03.2019.RETAiL.eBOOK-GRP', ebook, { kind: 'magazine' }, []],
    [
      'Batman.No.03.2019.RETAiL.MANGA.eBOOK-GRP',
      ebook,
      { kind: 'comic' },
      ['warning:ebook.type_tag'],
    ],
    [
      'Batman.No.03.2019.RETAiL.MAGAZiNE.eBOOK-GRP',
      ebook,
      { kind: 'comic' },
      ['error:ebook.type_tag'],
    ],
    ['Some.Book.2019.RETAiL.COMiC.eBOOK-GRP', ebook, { kind: 'fiction' }, ['error:ebook.type_tag']],
    [`${'A.'.repeat(120)}2019.RETAiL.eBOOK-GRP`, ebook, {}, ['error:name.length']],
    ['Show.Name.S01E02.720p.HDTV.x264-GRP', ebook, {}, ['error:ebook.structure']],
    ['Show.Name.S01E02.1080p.WEB.H264-GRP', hdtv, {}, ['error:tv.format']],
    ['Show.Name.S01E02.1080p.HDTV.x264-GRP', hdtv, {}, ['error:tv.resolution']],
    ['Show.Name.S01E02.HDTV.x264-GRP', hdtv, {}, ['error:tv.resolution']],
    ['Show.Name.S01E02.720p.HR.PDTV.x264-GRP', hdtv, {}, ['error:tv.resolution']],
    ['Show.Name.S01E02.720p.HDTV.x264-GRP', sd, {}, ['error:tv.resolution']],
    ['Show.Name.S01E02.2160p.WEBRip.x264-GRP', web, {}, ['error:tv.resolution']],
    ['Show.Name.S01E02.720p.HDTV-GRP', hdtv, {}, ['error:tv.format']],
    ['Show.Name.S01E02.READNFO.PROPER.720p.HDTV.x264-GRP', hdtv, {}, ['error:tv.tags_exclusive']],
    ['Show.Name.S01E02.READ.NFO.720p.HDTV.x264-GRP', hdtv, {}, ['error:tv.tags_variant']],
    ['Show.Name.S01E02.RNFO.720p.HDTV.x264-GRP', hdtv, {}, ['error:tv.tags_variant']],
    ['Show.Name.S01E02.PROPER.PROPER.720p.HDTV.x264-GRP', hdtv, {}, ['error:tv.tags_repeated']],
    ['Show.Name.S01E02.HDR.720p.HDTV.x264-GRP', hdtv, {}, ['error:tv.tags_unknown']],
    ['Show.Name.S01E02.ENGLISH.720p.HDTV.x264-GRP', hdtv, {}, ['error:tv.language']],
    ['The.Office.GB.S01E01.720p.HDTV.x264-GRP', hdtv, {}, ['error:tv.country']],
    ['Show.Name.S01E02.720p.HDTV.x264', hdtv, {}, ['error:name.group', 'error:tv.structure']],
    ['Show.Name.S01E02..720p.HDTV.x264-GRP', hdtv, {}, ['error:name.punctuation']],
    ['Show.Name.S01E02.-.Title.720p.HDTV.x264-GRP', hdtv, {}, ['error:name.punctuation']],
    ['Show.Name.720p.HDTV.x264-GRP', hdtv, {}, ['error:tv.structure']],
    ['Show.Name.S01E02.720p.HDTV.x264-GRP', web, {}, ['error:tv.format']],
  ])('%s', (name, profile, context, expected) => {
    expect(rulesOf(name, profile, context)).toEqual(expected);
  });

  it('explains each finding in a plain sentence', () => {
    const [finding] = validateReleaseName(
      'Show.Name.S01E02.READNFO.PROPER.720p.HDTV.x264-GRP',
      hdtv,
    );
    expect(finding?.message).toBe('READNFO is never combined with PROPER');
  });
});

describe('self-validation: what the builders make passes the validator', () => {
  // Letters only: × and ÷ sit inside À-ÿ, and a title of nothing else is rightly refused.
  const word = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿ]{1,10}$/);
  const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));

  it('eBOOK names of every kind and format', () => {
    const kinds = [
      'fiction',
      'technical',
      'magazine',
      'comic',
      'manga',
      'newspaper',
      'xxx',
    ] as const;
    fc.assert(
      fc.property(
        text,
        text,
        fc.constantFrom(...kinds),
        fc.constantFrom('PDF', 'EPUB', 'CBZ', 'AZW3', 'MOBI'),
        fc.constantFrom('RETAIL', 'HYBRID'),
        fc.constantFrom('en', 'fr', 'it', 'sv', 'ja'),
        (title, author, kind, format, source, language) => {
          const input = {
            kind,
            title,
            author,
            year: 2015,
            language,
            source,
            format,
            group: 'GRP',
            issue: 7,
            volume: 2,
            date: 'May',
          };
          const built = buildEbookName(input, ebook as EbookProfile);
          expect(
            validateReleaseName(built.name, ebook, { format, kind }).filter(
              (f) => f.level === 'error',
            ),
          ).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('TV names under every TV profile', () => {
    const cases: [
      TvProfile,
      { width: number; height: number; videoCodec: string; writingLibrary?: string },
    ][] = [
      [web as TvProfile, { width: 1920, height: 1080, videoCodec: 'AVC' }],
      [web as TvProfile, { width: 3840, height: 2160, videoCodec: 'HEVC', writingLibrary: 'x265' }],
      [hdtv as TvProfile, { width: 1280, height: 720, videoCodec: 'AVC', writingLibrary: 'x264' }],
      [sd as TvProfile, { width: 720, height: 576, videoCodec: 'AVC', writingLibrary: 'x264' }],
    ];
    fc.assert(
      fc.property(
        text,
        fc.option(text, { nil: null }),
        fc.constantFrom(...cases),
        fc.integer({ min: 1, max: 30 }),
        (show, episodeTitle, [profile, media], n) => {
          const input = {
            show,
            episodeTitle,
            media,
            group: 'GRP',
            language: 'de',
            tags: ['PROPER'],
            episode: { kind: 'episode' as const, season: n, episodes: [n, n + 1], suffix: null },
          };
          const built = buildTvName(input, profile);
          expect(validateReleaseName(built.name, profile)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
