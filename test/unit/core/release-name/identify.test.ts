import { describe, expect, it } from 'vitest';
import {
  guessEbookSource,
  nameWords,
  parseReleaseName,
} from '../../../../src/core/release-name/index.js';

describe('parseReleaseName', () => {
  it('reads a TV name into a show title, season, episode and group', () => {
    const parsed = parseReleaseName('Show.Name.S01E02.720p.HDTV.x264-GRP');
    expect(parsed).toMatchObject({
      ok: true,
      kind: 'tv',
      fields: { show: 'Show.Name', group: 'GRP' },
    });
    expect(parsed.ok && parsed.kind === 'tv' && nameWords(parsed.fields.show)).toBe('Show Name');
    expect(parsed.ok && parsed.kind === 'tv' && parsed.fields.episode).toEqual({
      kind: 'episode',
      season: 1,
      episodes: [2],
      suffix: null,
    });
  });

  it('reads 1x02 like S01E02', () => {
    const parsed = parseReleaseName('Show.Name.1x02.720p.HDTV.x264-GRP');
    expect(parsed.ok && parsed.kind === 'tv' && parsed.fields.episode).toEqual({
      kind: 'episode',
      season: 1,
      episodes: [2],
      suffix: null,
    });
  });

  it('reads an eBOOK name', () => {
    expect(parseReleaseName('Some.Book.2019.RETAiL.eBOOK-GRP')).toMatchObject({
      ok: true,
      kind: 'ebook',
      fields: { head: 'Some.Book', year: 2019 },
    });
  });

  it('explains a name it cannot read', () => {
    const parsed = parseReleaseName('just-a-file.txt');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(/neither an eBOOK name .* nor a TV name/);
  });
});

describe('guessEbookSource', () => {
  it.each([
    ['My Book-retail.epub', undefined, 'RETAIL'],
    ['my_book_scan.pdf', undefined, 'SCAN'],
    ['/in/dir-scan/book-hybrid.pdf', undefined, 'HYBRID'],
    ['book-retail-scan.pdf', undefined, 'RETAIL'],
    ['scanner-manual.pdf', undefined, 'RETAIL'],
    ['book.pdf', undefined, 'RETAIL'],
    ['book-scan.pdf', 'hybrid', 'HYBRID'],
    ['book-scan.pdf', '  ', 'SCAN'],
  ])('%s (explicit %s) → %s', (file, explicit, expected) => {
    expect(guessEbookSource(file, explicit)).toBe(expected);
  });
});
