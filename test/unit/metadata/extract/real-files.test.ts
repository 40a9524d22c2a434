/**
 * The committed files in test/fixtures/metadata/generated were made by calibre, LibreOffice and
 * ffmpeg from the sources beside make.sh; the expected values are those sources' inputs.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFileExtractor } from '../../../../src/metadata/extract/extractor.js';
import type { BookMetadata, VideoMetadata } from '../../../../src/metadata/ports.js';
import { AppError } from '../../../../src/shared/errors.js';
import { tempDir } from './support/files.js';

const DIR = join(import.meta.dirname, '../../../fixtures/metadata/generated');
const extractor = new LocalFileExtractor();
const tmp = tempDir('real-files');
afterAll(tmp.remove);

async function book(name: string): Promise<BookMetadata> {
  const result = await extractor.extract(join(DIR, name));
  expect(result.kind).toBe('book');
  return result as BookMetadata;
}

async function video(name: string): Promise<VideoMetadata> {
  const result = await extractor.extract(join(DIR, name));
  expect(result.kind).toBe('video');
  return result as VideoMetadata;
}

describe.each(['book2.epub', 'book3.epub', 'book.azw3', 'book.mobi', 'joint.mobi'])(
  'calibre output %s',
  (name) => {
    it('carries the metadata given to ebook-convert', async () => {
      const meta = await book(name);
      expect(meta.title).toBe('Le Château de Verre');
      expect(meta.titleSource).toBe('metadata');
      expect(meta.creators.filter((c) => c.role === 'aut').map((c) => c.name)).toEqual([
        'Émile Dupont',
        'Jeanne Martin',
      ]);
      expect(meta.publisher).toBe('Gallimard');
      expect(meta.language).toBe('fr');
      expect(meta.date).toBe('2019-05-02');
      expect(meta.year).toBe(2019);
      expect(meta.isbn).toBe('9782070368228');
      expect(meta.subjects).toEqual(['Roman', 'Fantastique']);
      expect(meta.description).toBe('Un roman.');
      expect(meta.hasCover).toBe(true);
      expect(meta.drm).toBe(false);
    });
  },
);

describe('EPUB series from calibre', () => {
  it.each(['book2.epub', 'book3.epub'])(
    '%s (calibre:series or belongs-to-collection)',
    async (name) => {
      expect((await book(name)).series).toEqual({ name: 'Verre', index: 2 });
    },
  );
});

describe('Kindle formats', () => {
  it.each([
    ['book.mobi', 'mobi', false],
    ['joint.mobi', 'mobi', true],
    ['book.azw3', 'azw3', true],
  ])('%s is %s with kf8=%s', async (name, format, kf8) => {
    const meta = await book(name);
    expect(meta.format).toBe(format);
    expect(meta.kf8).toBe(kf8);
  });
});

describe('LibreOffice output', () => {
  it.each(['doc.odt', 'doc.docx', 'doc.rtf'])(
    '%s carries the source document properties',
    async (name) => {
      const meta = await book(name);
      expect(meta.title).toBe('Rapport annuel 2021');
      expect(meta.creators.map((c) => c.name)).toEqual(['Hélène Roux']);
      expect(meta.description).toBe("Le rapport financier de l'année.");
      expect(meta.date).toBe('2021-03-14');
      expect(meta.subjects[0]).toBe('Finances');
    },
  );

  it('reads the ODT statistics (16 words on 1 page in the source)', async () => {
    const meta = await book('doc.odt');
    expect(meta.wordCount).toBe(16);
    expect(meta.pageCount).toBe(1);
    expect(meta.language).toBe('fr');
  });

  it('reads the PDF Info dictionary, page count and the ISBN printed in the text', async () => {
    const meta = await book('doc.pdf');
    expect(meta.format).toBe('pdf');
    expect(meta.title).toBe('Rapport annuel 2021');
    expect(meta.creators.map((c) => c.name)).toEqual(['Hélène Roux']);
    expect(meta.subjects).toEqual(['budget', 'comptes']);
    expect(meta.pageCount).toBe(1);
    expect(meta.isbn).toBe('9782070368228');
    expect(meta.encrypted).toBe(false);
    expect(meta.year).toBeGreaterThanOrEqual(2024);
  });

  it('reads the XMP packet calibre wrote into a PDF (series, ISBN, publisher, language)', async () => {
    const meta = await book('calibre.pdf');
    expect(meta).toMatchObject({
      title: 'Le Château de Verre',
      publisher: 'Gallimard',
      language: 'fr',
      date: '2019-05-02',
      isbn: '9782070368228',
      series: { name: 'Verre', index: 2 },
      subjects: ['Roman', 'Fantastique'],
    });
    expect(meta.identifiers).toContainEqual({ scheme: 'isbn', value: '978-2-07-036822-8' });
    expect(meta.creators.map((c) => c.name)).toEqual(['Émile Dupont', 'Jeanne Martin']);
  });

  it('opens a PDF with only an owner password and flags it encrypted', async () => {
    const meta = await book('owner.pdf');
    expect(meta).toMatchObject({ title: 'Rapport annuel 2021', encrypted: true, pageCount: 1 });
  });

  it('refuses a password-protected PDF with file_encrypted', async () => {
    await expect(extractor.extract(join(DIR, 'locked.pdf'))).rejects.toMatchObject({
      code: 'metadata.file_encrypted',
    });
  });
});

describe('ffmpeg output', () => {
  it('x264.mkv: AVC High by x264, 160x90 at 25 fps, AAC 2.0 English, AC-3 5.1 French, French SRT', async () => {
    const meta = await video('x264.mkv');
    expect(meta).toMatchObject({ format: 'mkv', container: 'Matroska', title: 'Show Name S01E02' });
    expect(meta.durationSeconds).toBeCloseTo(1, 0);
    expect(meta.video).toMatchObject({
      codec: 'AVC',
      profile: 'High',
      writingLibrary: 'x264',
      width: 160,
      height: 90,
      frameRate: 25,
      frameRateMode: 'CFR',
      hdrFormat: null,
    });
    expect(meta.audioTracks.map((a) => [a.codec, a.channels, a.language])).toEqual([
      ['AAC', '2.0', 'en'],
      ['AC-3', '5.1', 'fr'],
    ]);
    expect(meta.subtitleTracks.map((s) => s.language)).toEqual(['fr']);
  });

  it('x265.mp4: HEVC Main 10 by x265 with HDR10 metadata, AAC 1.0 German', async () => {
    const meta = await video('x265.mp4');
    expect(meta).toMatchObject({ format: 'mp4', container: 'MPEG-4' });
    expect(meta.video).toMatchObject({
      codec: 'HEVC',
      profile: 'Main 10',
      writingLibrary: 'x265',
      width: 128,
      height: 72,
      bitDepth: 10,
      hdrFormat: 'SMPTE ST 2086',
    });
    expect(meta.video?.frameRate).toBeCloseTo(23.976, 3);
    expect(meta.audioTracks.map((a) => [a.codec, a.channels, a.language])).toEqual([
      ['AAC', '1.0', 'de'],
    ]);
  });

  it('vp9.webm: VP9 without a writing library, Opus 2.0', async () => {
    const meta = await video('vp9.webm');
    expect(meta).toMatchObject({ format: 'webm', container: 'WebM' });
    expect(meta.video).toMatchObject({
      codec: 'VP9',
      writingLibrary: null,
      width: 160,
      height: 90,
    });
    expect(meta.audioTracks.map((a) => [a.codec, a.channels])).toEqual([['Opus', '2.0']]);
  });
});

describe('detection ignores the extension', () => {
  it.each([
    ['doc.pdf', 'misleading.epub', 'pdf', 'application/pdf'],
    ['book2.epub', 'misleading.pdf', 'epub', 'application/epub+zip'],
    ['book.azw3', 'misleading.mobi', 'azw3', 'application/vnd.amazon.mobi8-ebook'],
    [
      'doc.docx',
      'misleading.odt',
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['doc.odt', 'misleading.zip', 'odt', 'application/vnd.oasis.opendocument.text'],
    ['doc.rtf', 'misleading.txt', 'rtf', 'application/rtf'],
    ['x264.mkv', 'misleading.mp4', 'mkv', 'video/x-matroska'],
    ['x265.mp4', 'misleading.mkv', 'mp4', 'video/mp4'],
    ['vp9.webm', 'misleading.avi', 'webm', 'video/webm'],
  ])('%s renamed %s is %s', async (source, renamed, format, mimeType) => {
    const path = tmp.file(renamed);
    copyFileSync(join(DIR, source), path);
    expect(await extractor.detect(path)).toEqual({ format, mimeType });
  });

  it('reports a missing file as extract_failed', async () => {
    const error: unknown = await extractor.detect(tmp.file('absent.epub')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('metadata.extract_failed');
  });
});
