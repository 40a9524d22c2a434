import { afterAll, describe, expect, it } from 'vitest';
import { LocalFileExtractor } from '../../../../src/metadata/extract/extractor.js';
import type { BookMetadata } from '../../../../src/metadata/ports.js';
import { epubItems, tempDir, writeZip } from './support/files.js';
import type { ZipItem } from './support/files.js';

const tmp = tempDir('epub-unit');
afterAll(tmp.remove);
const extractor = new LocalFileExtractor();
let counter = 0;

async function extractEpub(
  metadata: string,
  extra: ZipItem[] = [],
  manifest = '',
): Promise<BookMetadata> {
  counter += 1;
  const path = await writeZip(
    tmp.file(`book-${counter}.epub`),
    epubItems(metadata, extra, manifest),
  );
  const result = await extractor.extract(path);
  if (result.kind !== 'book') {
    throw new Error('expected a book');
  }
  return result;
}

describe('EPUB identifiers', () => {
  it.each([
    ['<dc:identifier opf:scheme="ISBN">978-2-07-036822-8</dc:identifier>'],
    ['<dc:identifier>urn:isbn:978-2-07-036822-8</dc:identifier>'],
    ['<dc:identifier>ISBN 2-07-036822-X</dc:identifier>'],
    ['<dc:identifier>978-2-07-036822-8</dc:identifier>'],
    [
      '<dc:identifier id="i">9782070368228</dc:identifier><meta refines="#i" property="identifier-type" scheme="onix:codelist5">15</meta>',
    ],
  ])('normalises the ISBN in %s', async (identifier) => {
    const book = await extractEpub(`<dc:title>T</dc:title>${identifier}`);
    expect(book.isbn).toBe('9782070368228');
  });

  it('skips an invalid ISBN with a warning and uses the next valid one', async () => {
    const book = await extractEpub(
      '<dc:title>T</dc:title><dc:identifier opf:scheme="ISBN">978-2-07-036822-9</dc:identifier>' +
        '<dc:identifier>urn:isbn:0-8044-2957-X</dc:identifier>',
    );
    expect(book.isbn).toBe('9780804429573');
    expect(book.warnings.join()).toContain('978-2-07-036822-9');
  });

  it('never takes a UUID for an ISBN', async () => {
    const book = await extractEpub(
      '<dc:title>T</dc:title><dc:identifier>urn:uuid:f06f14b2-b0ff-4c05-967f-5fcce99308be</dc:identifier>',
    );
    expect(book.isbn).toBeNull();
    expect(book.identifiers).toEqual([
      { scheme: 'uuid', value: 'urn:uuid:f06f14b2-b0ff-4c05-967f-5fcce99308be' },
    ]);
  });
});

describe('EPUB 3 refinements', () => {
  it('reads roles, file-as, title types and the series collection', async () => {
    const book = await extractEpub(`
      <dc:title id="t1">Le Château</dc:title><meta refines="#t1" property="title-type">main</meta>
      <dc:title id="t2">de verre</dc:title><meta refines="#t2" property="title-type">subtitle</meta>
      <dc:creator id="c1">Émile Dupont</dc:creator>
      <meta refines="#c1" property="role" scheme="marc:relators">aut</meta>
      <meta refines="#c1" property="file-as">Dupont, Émile</meta>
      <dc:creator id="c2">Anna Bell</dc:creator><meta refines="#c2" property="role">trl</meta>
      <dc:language>fr-FR</dc:language><dc:date>2019-05-02</dc:date>
      <meta property="belongs-to-collection" id="s">Verre</meta>
      <meta refines="#s" property="collection-type">series</meta>
      <meta refines="#s" property="group-position">2</meta>`);
    expect(book.title).toBe('Le Château');
    expect(book.subtitle).toBe('de verre');
    expect(book.creators).toEqual([
      { name: 'Émile Dupont', fileAs: 'Dupont, Émile', role: 'aut' },
      { name: 'Anna Bell', fileAs: null, role: 'trl' },
    ]);
    expect(book.language).toBe('fr');
    expect(book.languageRaw).toBe('fr-FR');
    expect(book.year).toBe(2019);
    expect(book.series).toEqual({ name: 'Verre', index: 2 });
  });
});

describe('EPUB 2 attributes', () => {
  it('reads opf:role, opf:file-as, the publication date event and calibre series', async () => {
    const book = await extractEpub(`
      <dc:title>Titre</dc:title>
      <dc:creator opf:role="aut" opf:file-as="Dupont, Émile">Émile Dupont</dc:creator>
      <dc:contributor opf:role="ill">Zoé Ink</dc:contributor>
      <dc:date opf:event="modification">2021-01-01</dc:date>
      <dc:date opf:event="publication">2018-03</dc:date>
      <dc:description>&lt;p&gt;Un &lt;b&gt;roman&lt;/b&gt;.&lt;/p&gt;</dc:description>
      <dc:subject>Roman</dc:subject><dc:subject>Roman</dc:subject><dc:subject>SF</dc:subject>
      <meta name="calibre:series" content="Cycle"/><meta name="calibre:series_index" content="1.5"/>`);
    expect(book.creators.map((c) => [c.name, c.role, c.fileAs])).toEqual([
      ['Émile Dupont', 'aut', 'Dupont, Émile'],
      ['Zoé Ink', 'ill', null],
    ]);
    expect(book.date).toBe('2018-03');
    expect(book.description).toBe('Un roman.');
    expect(book.subjects).toEqual(['Roman', 'SF']);
    expect(book.series).toEqual({ name: 'Cycle', index: 1.5 });
  });
});

describe('EPUB cover and DRM', () => {
  const png = Buffer.from('89504e470d0a1a0a', 'hex');

  it('sees an EPUB 3 cover-image and an EPUB 2 cover meta', async () => {
    const three = await extractEpub(
      '<dc:title>T</dc:title>',
      [{ name: 'OEBPS/c.png', data: png }],
      '<item id="img" href="c.png" media-type="image/png" properties="cover-image"/>',
    );
    const two = await extractEpub(
      '<dc:title>T</dc:title><meta name="cover" content="img"/>',
      [{ name: 'OEBPS/c.png', data: png }],
      '<item id="img" href="c.png" media-type="image/png"/>',
    );
    const none = await extractEpub('<dc:title>T</dc:title>');
    expect([three.hasCover, two.hasCover, none.hasCover]).toEqual([true, true, false]);
  });

  it('ignores a cover that the archive does not hold', async () => {
    const book = await extractEpub(
      '<dc:title>T</dc:title>',
      [],
      '<item id="img" href="missing.png" media-type="image/png" properties="cover-image"/>',
    );
    expect(book.hasCover).toBe(false);
  });

  const encryption = (algorithm: string): ZipItem => ({
    name: 'META-INF/encryption.xml',
    data: `<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
      xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>
      <enc:EncryptionMethod Algorithm="${algorithm}"/>
      <enc:CipherData><enc:CipherReference URI="OEBPS/c1.xhtml"/></enc:CipherData>
      </enc:EncryptedData></encryption>`,
  });

  it('flags content encryption as DRM but not font obfuscation', async () => {
    const drm = await extractEpub('<dc:title>T</dc:title>', [
      encryption('http://www.w3.org/2001/04/xmlenc#aes128-cbc'),
    ]);
    const idpf = await extractEpub('<dc:title>T</dc:title>', [
      encryption('http://www.idpf.org/2008/embedding'),
    ]);
    const adobe = await extractEpub('<dc:title>T</dc:title>', [
      encryption('http://ns.adobe.com/pdf/enc#RC'),
    ]);
    expect([drm.drm, idpf.drm, adobe.drm]).toEqual([true, false, false]);
    expect(drm.title).toBe('T');
  });

  it('flags an Adobe rights.xml as DRM', async () => {
    const book = await extractEpub('<dc:title>T</dc:title>', [
      { name: 'META-INF/rights.xml', data: '<rights/>' },
    ]);
    expect(book.drm).toBe(true);
  });
});

describe('EPUB without metadata', () => {
  it('falls back to the file stem, flagged as such', async () => {
    const book = await extractEpub('');
    expect(book.title).toMatch(/^book-\d+$/);
    expect(book.titleSource).toBe('file_name');
  });
});
