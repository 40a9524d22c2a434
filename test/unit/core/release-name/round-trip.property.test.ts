/**
 * parse(format(x)) = x for generated fields, under every profile; and names built from arbitrary
 * text stay inside the character set and the length cap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildEbookName,
  formatEbookName,
  formatTvName,
  parseEbookName,
  parseTvName,
  type EbookNameFields,
  type TvEpisode,
  type TvNameFields,
} from '../../../../src/core/release-name/index.js';
import {
  getProfile,
  listProfiles,
  type EbookProfile,
  type TvProfile,
} from '../../../../src/core/rules/index.js';

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 400) };
const tvProfiles = listProfiles().filter((p): p is TvProfile => p.family === 'tv');
const ebook = getProfile('ebook-2022') as EbookProfile;

const titleWord = fc
  .tuple(fc.stringMatching(/^[A-Z]$/), fc.stringMatching(/^[a-z]{1,8}$/))
  .map(([first, rest]) => first + rest)
  .filter((word) => word !== 'Special' && word !== 'Part');
const smallWord = fc.constantFrom('of', 'the', 'and', 'de', 'la', 'vs');
const words = (min: number, max: number) =>
  fc
    .array(fc.oneof(titleWord, smallWord), { minLength: min, maxLength: max })
    .map((w) => w.join('.'));
const showName = fc
  .tuple(titleWord, words(0, 3))
  .map(([first, rest]) => [first, rest].filter(Boolean).join('.'));
const group = fc.stringMatching(/^[A-Za-z0-9_]{2,32}$/);
const year = fc.integer({ min: 1900, max: 2099 });
const pad2 = (n: number) => String(n).padStart(2, '0');

const episode: fc.Arbitrary<TvEpisode> = fc.oneof(
  fc
    .record({
      kind: fc.constant('episode' as const),
      season: fc.option(fc.integer({ min: 0, max: 150 }), { nil: null }),
      episodes: fc
        .uniqueArray(fc.integer({ min: 0, max: 1200 }), { minLength: 1, maxLength: 3 })
        .map((e) => e.sort((a, b) => a - b)),
      suffix: fc.option(fc.constantFrom('A', 'B', 'c'), { nil: null }),
    })
    .filter((e) => !(e.season === null && e.episodes.length > 1)),
  fc.record({ kind: fc.constant('special' as const), season: fc.integer({ min: 0, max: 99 }) }),
  fc.record({
    kind: fc.constant('daily' as const),
    date: fc
      .tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => `${y}-${pad2(m)}-${pad2(d)}`),
  }),
  fc.record({ kind: fc.constant('miniseries' as const), part: fc.integer({ min: 1, max: 30 }) }),
  fc.constant({ kind: 'feature' as const }),
);

function tagsFor(profile: TvProfile): fc.Arbitrary<string[]> {
  const plain = profile.naming.tags.filter((t) => !['READNFO', 'REAL'].includes(t));
  return fc.uniqueArray(fc.constantFrom(...plain), { maxLength: 3 });
}

function tvFields(profile: TvProfile): fc.Arbitrary<TvNameFields> {
  const format = fc.constantFrom(...profile.naming.formats).chain((f) =>
    fc.record({
      source: fc.constant(f.source),
      codec: fc.constant(f.codec),
      resolution: fc.constantFrom(...f.resolutions),
    }),
  );
  const language = fc.option(
    fc.constantFrom('FRENCH', 'GERMAN', 'ITALIAN', 'JAPANESE', 'PLDUB', 'NLSUBBED'),
    { nil: null },
  );
  return fc
    .record({
      show: showName,
      country: fc.option(fc.constantFrom('US', 'UK', 'AU', 'NZ', 'CA'), { nil: null }),
      year: fc.option(year, { nil: null }),
      episode,
      title: fc.option(words(1, 4), { nil: null }),
      tags: tagsFor(profile),
      language,
      format,
      group,
    })
    .map(({ format: f, ...rest }) => ({ ...rest, ...f }))
    .map((f) => (f.episode.kind === 'feature' ? { ...f, title: null, year: f.year ?? 2001 } : f));
}

describe('TV names round-trip', () => {
  for (const profile of tvProfiles) {
    it(`parse(format(fields)) equals fields under ${profile.id}`, () => {
      fc.assert(
        fc.property(tvFields(profile), (fields) => {
          const parsed = parseTvName(formatTvName(fields, profile.naming));
          expect(parsed).toEqual({ ok: true, value: fields });
        }),
        RUNS,
      );
    });
  }
});

const ebookFields: fc.Arbitrary<EbookNameFields> = fc.record({
  head: fc
    .array(fc.oneof(titleWord, smallWord, fc.stringMatching(/^\d{1,4}$/), fc.constant('-')), {
      minLength: 1,
      maxLength: 8,
    })
    .map((w) => w.join('.'))
    .filter((h) => !h.startsWith('-') && !/^\d{4}$/.test(h)),
  year: fc.option(year, { nil: null }).map((y) => y ?? 2000),
  language: fc.option(fc.constantFrom('FRENCH', 'GERMAN', 'iTALiAN', 'SWEDiSH', 'JAPANESE'), {
    nil: null,
  }),
  source: fc.constantFrom(...ebook.naming.sourceTags),
  extraTags: fc.uniqueArray(
    fc.constantFrom(...ebook.naming.extraTags, ...ebook.naming.conventionTags),
    { maxLength: 3 },
  ),
  typeTag: fc.option(fc.constantFrom(...Object.values(ebook.naming.typeTags)), { nil: null }),
  format: fc.option(fc.constantFrom('ePUB', 'CBZ', 'KF8', 'AZW', 'MOBI', 'PRC', 'DOCX'), {
    nil: null,
  }),
  unknownTags: fc.constant([]),
  marker: fc.constant('eBOOK'),
  group,
});

describe('eBOOK names round-trip', () => {
  it('parse(format(fields)) equals fields', () => {
    fc.assert(
      fc.property(ebookFields, (fields) => {
        expect(parseEbookName(formatEbookName(fields))).toEqual({ ok: true, value: fields });
      }),
      RUNS,
    );
  });

  it('names built from any text keep to the character set and the length cap', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }),
        fc.string({ maxLength: 80 }),
        (title, author) => {
          fc.pre(/[A-Za-z0-9]/.test(title) && /[A-Za-z0-9]/.test(author));
          const built = buildEbookName(
            { title, author, year: 2020, source: 'RETAIL', format: 'PDF', group: 'GRP' },
            ebook,
          );
          expect(built.name).toMatch(/^[A-Za-z0-9._-]+$/);
          expect(built.name.length).toBeLessThanOrEqual(243);
          expect(built.name).not.toMatch(/[._-]{2,}/);
          expect(parseEbookName(built.name)).toMatchObject({
            ok: true,
            value: { year: 2020, group: 'GRP' },
          });
        },
      ),
      RUNS,
    );
  });
});
