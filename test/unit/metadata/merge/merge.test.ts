import { describe, expect, it } from 'vitest';
import { mergeMetadata } from '../../../../src/metadata/merge.js';
import type { BookFields, MetadataMerger, TvFields } from '../../../../src/metadata/ports.js';

const TV_PRIORITY = ['tvdb', 'tmdb', 'omdb', 'file'] as const;
const BOOK_PRIORITY = ['file', 'openlibrary', 'googlebooks'] as const;

describe('mergeMetadata', () => {
  it('satisfies the MetadataMerger port', () => {
    const merger: MetadataMerger = mergeMetadata;
    expect(merger({ candidates: [], priority: [] })).toEqual({ fields: {}, provenance: {} });
  });

  it('takes each field from the highest-priority source that has it', () => {
    const result = mergeMetadata<TvFields>({
      priority: TV_PRIORITY,
      candidates: [
        {
          source: 'omdb',
          fields: { seriesTitle: 'Breaking Bad', imdbRating: 9, runtimeMinutes: 58 },
        },
        {
          source: 'tmdb',
          fields: { seriesTitle: 'Breaking Bad', runtimeMinutes: 47, tmdbRating: 8.9 },
        },
        { source: 'tvdb', fields: { seriesTitle: 'Breaking Bad', network: 'AMC' } },
      ],
    });
    expect(result.fields).toEqual({
      seriesTitle: 'Breaking Bad',
      network: 'AMC',
      runtimeMinutes: 47,
      tmdbRating: 8.9,
      imdbRating: 9,
    });
    expect(result.provenance.network?.source).toBe('tvdb');
    expect(result.provenance.runtimeMinutes?.source).toBe('tmdb');
    expect(result.provenance.imdbRating?.source).toBe('omdb');
  });

  it('keeps the sources that agreed and the conflicting values the winner beat', () => {
    const result = mergeMetadata<TvFields>({
      priority: TV_PRIORITY,
      candidates: [
        { source: 'file', fields: { episodeTitle: 'pilot' } },
        { source: 'omdb', fields: { episodeTitle: 'Pilot (1)' } },
        { source: 'tmdb', fields: { episodeTitle: 'Pilot' } },
        { source: 'tvdb', fields: { episodeTitle: 'Pilot' } },
      ],
    });
    expect(result.provenance.episodeTitle).toEqual({
      value: 'Pilot',
      source: 'tvdb',
      agreeing: ['tmdb', 'file'],
      rejected: [{ source: 'omdb', value: 'Pilot (1)' }],
    });
  });

  it('compares lists as sets, ignoring case and order', () => {
    const result = mergeMetadata<TvFields>({
      priority: TV_PRIORITY,
      candidates: [
        { source: 'tvdb', fields: { genres: ['Drama', 'Crime'] } },
        { source: 'tmdb', fields: { genres: ['crime', 'drama'] } },
        { source: 'omdb', fields: { genres: ['Crime', 'Drama', 'Thriller'] } },
      ],
    });
    expect(result.provenance.genres).toEqual({
      value: ['Drama', 'Crime'],
      source: 'tvdb',
      agreeing: ['tmdb'],
      rejected: [{ source: 'omdb', value: ['Crime', 'Drama', 'Thriller'] }],
    });
  });

  it('lets values typed by the user win over every source, recording what they beat', () => {
    const result = mergeMetadata<BookFields>({
      priority: BOOK_PRIORITY,
      user: { title: 'Dune (Deluxe)', year: 2019 },
      candidates: [
        { source: 'file', fields: { title: 'Dune', authors: ['Frank Herbert'] } },
        { source: 'openlibrary', fields: { title: 'Dune', year: 1990 } },
      ],
    });
    expect(result.fields).toEqual({
      title: 'Dune (Deluxe)',
      year: 2019,
      authors: ['Frank Herbert'],
    });
    expect(result.provenance.title).toEqual({
      value: 'Dune (Deluxe)',
      source: 'user',
      agreeing: [],
      rejected: [
        { source: 'file', value: 'Dune' },
        { source: 'openlibrary', value: 'Dune' },
      ],
    });
    expect(result.provenance.year?.source).toBe('user');
  });

  it('for books keeps the file identity and lets providers fill what the file lacks', () => {
    const result = mergeMetadata<BookFields>({
      priority: BOOK_PRIORITY,
      candidates: [
        { source: 'googlebooks', fields: { title: 'Dune', publisher: 'Penguin', pageCount: 535 } },
        {
          source: 'openlibrary',
          fields: { title: 'Dune (Ace)', description: 'Arrakis…', subjects: ['Science fiction'] },
        },
        { source: 'file', fields: { title: 'Dune', authors: ['Frank Herbert'], language: 'en' } },
      ],
    });
    expect(result.fields).toEqual({
      title: 'Dune',
      authors: ['Frank Herbert'],
      language: 'en',
      description: 'Arrakis…',
      subjects: ['Science fiction'],
      publisher: 'Penguin',
      pageCount: 535,
    });
    expect(result.provenance.title?.source).toBe('file');
    expect(result.provenance.publisher?.source).toBe('googlebooks');
  });

  it('treats empty strings, empty lists and NaN as absent', () => {
    const result = mergeMetadata<TvFields>({
      priority: TV_PRIORITY,
      candidates: [
        { source: 'tvdb', fields: { seriesTitle: '  ', genres: [], runtimeMinutes: Number.NaN } },
        {
          source: 'omdb',
          fields: { seriesTitle: 'Psych', genres: ['Comedy'], runtimeMinutes: 44 },
        },
      ],
    });
    expect(result.fields).toEqual({ seriesTitle: 'Psych', genres: ['Comedy'], runtimeMinutes: 44 });
    expect(result.provenance.seriesTitle?.rejected).toEqual([]);
  });

  it('takes the priority as an input, ranking unlisted sources last in candidate order', () => {
    const candidates = [
      { source: 'omdb' as const, fields: { seriesTitle: 'From OMDb' } },
      { source: 'tvdb' as const, fields: { seriesTitle: 'From TVDB' } },
      { source: 'tmdb' as const, fields: { seriesTitle: 'From TMDb' } },
    ];
    const omdbFirst = mergeMetadata<TvFields>({ priority: ['omdb', 'tmdb'], candidates });
    expect(omdbFirst.provenance.seriesTitle?.source).toBe('omdb');
    const unlisted = mergeMetadata<TvFields>({ priority: ['tmdb'], candidates });
    expect(unlisted.provenance.seriesTitle?.rejected.map((r) => r.source)).toEqual([
      'omdb',
      'tvdb',
    ]);
  });

  it('applies a per-field priority where one is given', () => {
    const result = mergeMetadata<TvFields>({
      priority: TV_PRIORITY,
      fieldPriority: { runtimeMinutes: ['omdb', 'tvdb'] },
      candidates: [
        { source: 'tvdb', fields: { runtimeMinutes: 48, network: 'AMC' } },
        { source: 'omdb', fields: { runtimeMinutes: 58, network: 'Netflix' } },
      ],
    });
    expect(result.fields).toEqual({ runtimeMinutes: 58, network: 'AMC' });
  });

  it('uses fallback values only when no source has the field', () => {
    const fallback = { source: 'file' as const, fields: { title: 'dune_scan_v2', year: 1965 } };
    const result = mergeMetadata<BookFields>({
      priority: BOOK_PRIORITY,
      candidates: [{ source: 'openlibrary', fields: { title: 'Dune' } }],
      fallback,
    });
    expect(result.fields).toEqual({ title: 'Dune', year: 1965 });
    expect(result.provenance.title?.rejected).toEqual([{ source: 'file', value: 'dune_scan_v2' }]);
    expect(result.provenance.year?.source).toBe('file');
  });

  it('answers what it has when every provider is absent', () => {
    const result = mergeMetadata<TvFields>({
      priority: TV_PRIORITY,
      candidates: [{ source: 'file', fields: { seriesTitle: 'Show Name', season: 1, episode: 2 } }],
    });
    expect(result.fields).toEqual({ seriesTitle: 'Show Name', season: 1, episode: 2 });
    expect(result.provenance.season).toEqual({
      value: 1,
      source: 'file',
      agreeing: [],
      rejected: [],
    });
  });

  it('does not change its inputs or share their lists', () => {
    const genres = ['Drama'];
    const candidates = [{ source: 'tvdb' as const, fields: { genres } }];
    const result = mergeMetadata<TvFields>({ priority: TV_PRIORITY, candidates });
    result.fields.genres?.push('Crime');
    expect(genres).toEqual(['Drama']);
    expect(candidates).toEqual([{ source: 'tvdb', fields: { genres: ['Drama'] } }]);
  });
});
