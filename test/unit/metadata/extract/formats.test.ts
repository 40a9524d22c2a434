import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFileExtractor } from '../../../../src/metadata/extract/extractor.js';
import type { BookMetadata } from '../../../../src/metadata/ports.js';
import { tempDir, writeBytes, writeZip } from './support/files.js';

const DIR = join(import.meta.dirname, '../../../fixtures/metadata/generated');
const tmp = tempDir('formats');
afterAll(tmp.remove);
const extractor = new LocalFileExtractor();

async function book(path: string): Promise<BookMetadata> {
  const result = await extractor.extract(path);
  if (result.kind !== 'book') {
    throw new Error('expected a book');
  }
  return result;
}

describe('TXT', () => {
  it('decodes UTF-8, takes a title-like first line and counts words', async () => {
    const path = writeBytes(
      tmp.file('utf8.txt'),
      '\n  Le Château de Verre  \n\nIl était une fois, un château.\n',
    );
    const meta = await book(path);
    expect(meta).toMatchObject({
      format: 'txt',
      title: 'Le Château de Verre',
      titleSource: 'first_line',
    });
    expect(meta.wordCount).toBe(10);
  });

  it('detects Windows-1252 and UTF-16 text', async () => {
    const latin = writeBytes(
      tmp.file('latin.txt'),
      iconv.encode(
        'Éléphants à Paris\nUne histoire très française et déjà célèbre.\n',
        'windows-1252',
      ),
    );
    const utf16 = writeBytes(
      tmp.file('utf16.txt'),
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        iconv.encode('Über Alles\nZwei Wörter.\n', 'utf16le'),
      ]),
    );
    expect((await book(latin)).title).toBe('Éléphants à Paris');
    expect(await extractor.detect(utf16)).toMatchObject({ format: 'txt' });
    expect((await book(utf16)).title).toBe('Über Alles');
  });

  it('does not take a sentence for a title, and falls back to the file stem', async () => {
    const path = writeBytes(
      tmp.file('Mon Journal.txt'),
      'Ce matin, il pleuvait sur la ville.\nEt puis rien.\n',
    );
    const meta = await book(path);
    expect(meta).toMatchObject({ title: 'Mon Journal', titleSource: 'file_name' });
  });

  it('counts words across its read chunks exactly', async () => {
    const line = 'alpha beta gamma delta epsilon zeta eta theta\n';
    const repeats = 60_000; // about 2.8 MB: several 1 MiB chunks, words cut at chunk edges
    writeFileSync(tmp.file('big.txt'), `Big\n${line.repeat(repeats)}`);
    expect((await book(tmp.file('big.txt'))).wordCount).toBe(1 + 8 * repeats);
  });
});

describe('RTF', () => {
  it('decodes \\uN with fallbacks, hex escapes in the code page, and reads counts', async () => {
    const rtf =
      '{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0 Arial;}}' +
      "{\\info{\\title \\u1042\\'c2\\u1086\\'ee\\u1081\\'e9\\u1085\\'ed\\u1072\\'e0 \\'e8 \\'ec\\'e8\\'f0}" +
      "{\\author Lev Tolsto\\'e9}{\\author Second \\{Author\\}}{\\company Ed. Mir}" +
      '{\\*\\hidden ignored}{\\creatim\\yr1869\\mo1\\dy2}{\\nofpages1225}{\\nofwords587287}}' +
      '\\pard Body text\\par}';
    const meta = await book(writeBytes(tmp.file('war.rtf'), rtf));
    expect(meta.title).toBe('Война и мир');
    expect(meta.creators.map((c) => c.name)).toEqual(['Lev Tolstoй', 'Second {Author}']);
    expect(meta.publisher).toBe('Ed. Mir');
    expect(meta.date).toBe('1869-01-02');
    expect([meta.pageCount, meta.wordCount]).toEqual([1225, 587287]);
  });

  it('gives the file stem when there is no info group', async () => {
    const meta = await book(writeBytes(tmp.file('bare.rtf'), '{\\rtf1\\ansi Hello\\par}'));
    expect(meta).toMatchObject({ title: 'bare', titleSource: 'file_name' });
  });
});

describe('CBZ', () => {
  const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex');

  it('reads ComicInfo.xml with roles, series and ISBN (GTIN)', async () => {
    const info = `<?xml version="1.0"?><ComicInfo><Series>Les Tuniques</Series><Number>3</Number>
      <Title>Le Nord</Title><Writer>Raoul Cauvin</Writer><Penciller>Lambil, Other Artist</Penciller>
      <Publisher>Dupuis</Publisher><Year>1975</Year><Month>6</Month><LanguageISO>fr</LanguageISO>
      <Summary>Une aventure.</Summary><Genre>Humour, Western</Genre><PageCount>48</PageCount>
      <GTIN>978-2-07-036822-8</GTIN></ComicInfo>`;
    const path = await writeZip(tmp.file('comic.cbz'), [
      { name: 'ComicInfo.xml', data: info },
      { name: '001.jpg', data: jpeg },
      { name: '002.jpg', data: jpeg },
    ]);
    const meta = await book(path);
    expect(meta).toMatchObject({
      format: 'cbz',
      title: 'Le Nord',
      publisher: 'Dupuis',
      language: 'fr',
      date: '1975-06',
      series: { name: 'Les Tuniques', index: 3 },
      isbn: '9782070368228',
      pageCount: 48,
      hasCover: true,
      subjects: ['Humour', 'Western'],
      description: 'Une aventure.',
    });
    expect(meta.creators.map((c) => [c.name, c.role])).toEqual([
      ['Raoul Cauvin', 'aut'],
      ['Lambil', 'penciller'],
      ['Other Artist', 'penciller'],
    ]);
  });

  it('counts the images of a CBZ without ComicInfo.xml', async () => {
    const path = await writeZip(tmp.file('Plain Comic.cbz'), [
      { name: 'p/001.png', data: jpeg },
      { name: 'p/002.png', data: jpeg },
      { name: 'p/003.png', data: jpeg },
    ]);
    expect(await book(path)).toMatchObject({
      title: 'Plain Comic',
      titleSource: 'file_name',
      pageCount: 3,
    });
  });
});

describe('DOCX app.xml counts', () => {
  it('reads Pages and Words as Word writes them', async () => {
    const core = `<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Memo</dc:title>
      <dc:creator>Ann Lee; Bob Ray</dc:creator><cp:keywords>a; b</cp:keywords></cp:coreProperties>`;
    const app = '<Properties xmlns="x"><Pages>3</Pages><Words>1234</Words></Properties>';
    const path = await writeZip(tmp.file('memo.docx'), [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document xmlns:w="x"/>' },
      { name: 'docProps/core.xml', data: core },
      { name: 'docProps/app.xml', data: app },
    ]);
    expect(await book(path)).toMatchObject({
      format: 'docx',
      title: 'Memo',
      pageCount: 3,
      wordCount: 1234,
      subjects: ['a', 'b'],
      creators: [
        { name: 'Ann Lee', fileAs: null, role: 'aut' },
        { name: 'Bob Ray', fileAs: null, role: 'aut' },
      ],
    });
  });
});

describe('ODT encryption', () => {
  it('flags a package whose manifest lists encryption-data, still reading meta.xml', async () => {
    const manifest = `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
      <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">
      <manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">
      <manifest:algorithm manifest:algorithm-name="Blowfish CFB"/></manifest:encryption-data>
      </manifest:file-entry></manifest:manifest>`;
    const meta = `<office:document-meta xmlns:office="o" xmlns:dc="d" xmlns:meta="m"><office:meta>
      <dc:title>Secret</dc:title><meta:initial-creator>Ann</meta:initial-creator></office:meta></office:document-meta>`;
    const path = await writeZip(tmp.file('locked.odt'), [
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', store: true },
      { name: 'META-INF/manifest.xml', data: manifest },
      { name: 'meta.xml', data: meta },
      { name: 'content.xml', data: Buffer.from([1, 2, 3]) },
    ]);
    expect(await book(path)).toMatchObject({ format: 'odt', title: 'Secret', encrypted: true });
  });
});

describe('MOBI DRM flag', () => {
  it('reports PalmDOC encryption as DRM while still reading EXTH', async () => {
    const path = tmp.file('drm.mobi');
    copyFileSync(join(DIR, 'book.mobi'), path);
    const bytes = readFileSync(path);
    const record0 = bytes.readUInt32BE(78);
    bytes.writeUInt16BE(2, record0 + 12); // Mobipocket DRM
    writeFileSync(path, bytes);
    expect(await book(path)).toMatchObject({ drm: true, title: 'Le Château de Verre' });
  });
});

describe('unsupported content', () => {
  it.each([
    ['random.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ['empty.epub', Buffer.alloc(0)],
    ['image.png', Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64)])],
    [
      'photo.mp4',
      Buffer.concat([Buffer.from('00000018667479706865696300000000', 'hex'), Buffer.alloc(16)]),
    ],
    ['legacy.doc', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)])],
  ])('%s is format_unsupported', async (name, data) => {
    const path = writeBytes(tmp.file(name), data);
    await expect(extractor.extract(path)).rejects.toMatchObject({
      code: 'metadata.format_unsupported',
    });
  });

  it('a ZIP of unrelated files is format_unsupported', async () => {
    const path = await writeZip(tmp.file('misc.zip'), [
      { name: 'a.txt', data: 'a' },
      { name: 'b.bin', data: 'b' },
    ]);
    await expect(extractor.extract(path)).rejects.toMatchObject({
      code: 'metadata.format_unsupported',
    });
  });

  it('a password-protected Office document (OLE2 EncryptedPackage) is file_encrypted', async () => {
    const head = Buffer.concat([
      Buffer.from('d0cf11e0a1b11ae1', 'hex'),
      Buffer.alloc(1024),
      Buffer.from('EncryptedPackage', 'utf16le'),
    ]);
    const path = writeBytes(tmp.file('locked.docx'), head);
    await expect(extractor.extract(path)).rejects.toMatchObject({
      code: 'metadata.file_encrypted',
    });
  });
});
