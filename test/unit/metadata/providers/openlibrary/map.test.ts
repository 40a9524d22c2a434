import { describe, expect, it } from 'vitest';
import {
  authorKeys,
  mapEdition,
  mapSearchDoc,
} from '../../../../../src/metadata/providers/openlibrary/map.js';
import type {
  RawAuthor,
  RawEdition,
  RawSearch,
  RawWork,
} from '../../../../../src/metadata/providers/openlibrary/raw.js';
import { fixture } from '../../../../fakes/providers/fake-http-server.js';

const edition = fixture('openlibrary', 'edition-OL26242482M') as RawEdition;
const work = fixture('openlibrary', 'work-OL893415W') as RawWork;
const author = fixture('openlibrary', 'author-OL79034A') as RawAuthor;

describe('OpenLibrary map', () => {
  it('maps a recorded edition with its work and author', () => {
    expect(mapEdition(edition, work, [author])).toMatchObject({
      title: 'Dune',
      authors: ['Frank Herbert'],
      language: 'en',
      isbn: '9780441172719',
      description: expect.stringContaining('Arrakis') as unknown,
    });
  });

  it('reads a free-text publish date as a year only', () => {
    const fields = mapEdition({ ...edition, publish_date: 'December 31, 1994' }, undefined, []);
    expect(fields.year).toBe(1994);
    expect(fields.date).toBeUndefined();
  });

  it('falls back to the work first-publish year, the ISBN-10 and the work cover', () => {
    const bare: RawEdition = {
      ...edition,
      publish_date: undefined,
      isbn_13: undefined,
      covers: [-1],
    };
    const fields = mapEdition(bare, work, []);
    expect(fields).toMatchObject({ year: 1965, isbn: '9780441172719' });
    expect(fields.coverUrl).toBe('https://covers.openlibrary.org/b/id/11481354-L.jpg');
    expect(fields.authors).toBeUndefined();
  });

  it('prefers the edition description, in either of its two forms', () => {
    const plain = mapEdition({ ...edition, description: 'Plain.' }, work, []);
    const typed = mapEdition(
      { ...edition, description: { type: '/type/text', value: 'Typed.' } },
      work,
      [],
    );
    expect([plain.description, typed.description]).toEqual(['Plain.', 'Typed.']);
  });

  it('takes author keys from the edition, else from the work roles', () => {
    expect(authorKeys(edition, work)).toEqual(['/authors/OL79034A']);
    expect(authorKeys({ ...edition, authors: undefined }, work)).toEqual(['/authors/OL79034A']);
    expect(authorKeys(undefined, undefined)).toEqual([]);
  });

  it('maps a search doc, keeping a language only when the work has one', () => {
    const search = fixture('openlibrary', 'search-dune') as RawSearch;
    const [dune, messiah] = search.docs;
    const first = mapSearchDoc(dune!, undefined);
    expect(first).toMatchObject({ title: 'Dune', year: 1965, pageCount: 541, olid: 'OL26242482M' });
    expect(first.language).toBeUndefined();
    expect(mapSearchDoc(messiah!, undefined).language).toBe('en');
  });
});
