import { describe, expect, it } from 'vitest';
import { mapVolume } from '../../../../../src/metadata/providers/googlebooks/map.js';
import type {
  RawVolume,
  RawVolumes,
} from '../../../../../src/metadata/providers/googlebooks/raw.js';
import { fixture } from '../../../../fakes/providers/fake-http-server.js';

describe('Google Books map', () => {
  const search = fixture('googlebooks', 'search-dune') as RawVolumes;

  it('maps a search record: ISBN-13 preferred, thumbnail over https without the curl', () => {
    const fields = mapVolume(search.items![0]!);
    expect(fields).toMatchObject({ isbn: '9780441172719', pageCount: 535, subjects: ['Fiction'] });
    expect(fields.coverUrl).toBe(
      'https://books.google.com/books/content?id=B1hSG45JCX4C&printsec=frontcover&img=1&zoom=1&source=gbs_api',
    );
    expect(fields.description).toBeUndefined();
  });

  it('ignores OTHER identifiers and keeps a year-only date', () => {
    const fields = mapVolume(search.items![1]!);
    expect(fields.isbn).toBeUndefined();
    expect([fields.date, fields.year]).toEqual(['2008', 2008]);
  });

  it('maps the fuller volume record, splitting category hierarchies', () => {
    const fields = mapVolume(fixture('googlebooks', 'volume-B1hSG45JCX4C') as RawVolume);
    expect(fields.subjects).toEqual(['Fiction', 'Science Fiction', 'Classics']);
    expect(fields.description).toMatch(/^Set on the desert planet Arrakis, Dune is/);
  });

  it('survives a volume with almost nothing in it', () => {
    const bare = { kind: 'books#volume', id: 'x1', volumeInfo: {} } as RawVolume;
    expect(mapVolume(bare)).toEqual({ gbid: 'x1' });
  });
});
