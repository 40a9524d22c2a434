/**
 * Files made afresh by calibre, LibreOffice and ffmpeg (test/fixtures/metadata/sources/make.sh),
 * read by our extractors and by the reference tools on the same bytes: calibre's `ebook-meta`
 * for books and documents, `mediainfo --Output=JSON` for video. Fields must agree.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFileExtractor } from '../../../../src/metadata/extract/extractor.js';
import { toIso639_1 } from '../../../../src/metadata/extract/language.js';
import { toIsbn13 } from '../../../../src/metadata/extract/isbn.js';
import type { BookMetadata, VideoMetadata } from '../../../../src/metadata/ports.js';
import { hasTool } from '../../../support/tools.js';

const MAKE = join(import.meta.dirname, '../../../fixtures/metadata/sources/make.sh');
const out = mkdtempSync(join(tmpdir(), 'metadata-reference-'));
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});
const extractor = new LocalFileExtractor();
// LibreOffice starts once per conversion; on a busy machine that is slow.
const MAKE_TIMEOUT = 300_000;

function make(part: 'books' | 'documents' | 'videos'): void {
  execFileSync('bash', [MAKE, out, part], { stdio: 'ignore', timeout: MAKE_TIMEOUT });
}

/** `ebook-meta` prints "Field   : value" lines. */
function ebookMeta(file: string): Map<string, string> {
  const text = execFileSync('ebook-meta', [file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Map(
    text
      .split('\n')
      .map((line) => /^([^:]+?)\s*:\s(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1] ?? '', match[2] ?? '']),
  );
}

/** "Émile Dupont & Jeanne Martin [Dupont, Émile & …]" → the display names. */
function calibreAuthors(value: string | undefined): string[] {
  return (value ?? '')
    .replace(/\s*\[.*\]$/, '')
    .split(' & ')
    .filter((name) => name !== '');
}

function calibreIsbn(identifiers: string | undefined): string | null {
  const isbn = /isbn:([\dXx-]+)/.exec(identifiers ?? '')?.[1];
  return isbn === undefined ? null : toIsbn13(isbn);
}

async function book(file: string): Promise<BookMetadata> {
  const result = await extractor.extract(join(out, file));
  expect(result.kind).toBe('book');
  return result as BookMetadata;
}

describe.skipIf(!hasTool('ebook-convert') || !hasTool('ebook-meta') || !hasTool('ffmpeg'))(
  'books vs ebook-meta',
  () => {
    beforeAll(() => {
      make('books');
    }, MAKE_TIMEOUT);

    it.each(['book2.epub', 'book3.epub', 'book.azw3', 'book.mobi', 'joint.mobi'])(
      '%s: title, authors, publisher, language and ISBN agree',
      async (file) => {
        const ours = await book(file);
        const theirs = ebookMeta(join(out, file));
        expect(ours.title).toBe(theirs.get('Title'));
        expect(ours.creators.filter((c) => c.role === 'aut').map((c) => c.name)).toEqual(
          calibreAuthors(theirs.get('Author(s)')),
        );
        expect(ours.publisher).toBe(theirs.get('Publisher'));
        expect(ours.language).toBe(toIso639_1(theirs.get('Languages') ?? ''));
        expect(ours.isbn).toBe(calibreIsbn(theirs.get('Identifiers')));
        expect(ours.isbn).toBe('9782070368228');
      },
    );
  },
);

describe.skipIf(!hasTool('soffice') || !hasTool('ebook-meta'))('documents vs ebook-meta', () => {
  beforeAll(() => {
    make('documents');
  }, MAKE_TIMEOUT);

  it.each(['doc.odt', 'doc.docx', 'doc.pdf'])(
    '%s: title, authors and language agree',
    async (file) => {
      const ours = await book(file);
      const theirs = ebookMeta(join(out, file));
      expect(ours.title).toBe(theirs.get('Title'));
      expect(ours.creators.map((c) => c.name)).toEqual(calibreAuthors(theirs.get('Author(s)')));
      if (theirs.has('Languages')) {
        expect(ours.language).toBe(toIso639_1(theirs.get('Languages') ?? ''));
      }
    },
  );

  it('doc.rtf: the title agrees; the author is decoded where calibre is not', async () => {
    const ours = await book('doc.rtf');
    const theirs = ebookMeta(join(out, 'doc.rtf'));
    expect(ours.title).toBe(theirs.get('Title'));
    // calibre keeps the \'e9 fallback of \u233 as text ("Hé'e9lè'e8ne"); the source says "Hélène".
    expect(ours.creators.map((c) => c.name)).toEqual(['Hélène Roux']);
  });

  it('calibre.pdf: the XMP calibre wrote agrees with what ebook-meta reads back', async () => {
    const ours = await book('calibre.pdf');
    const theirs = ebookMeta(join(out, 'calibre.pdf'));
    expect(ours.title).toBe(theirs.get('Title'));
    expect(ours.creators.map((c) => c.name)).toEqual(calibreAuthors(theirs.get('Author(s)')));
    expect(ours.publisher).toBe(theirs.get('Publisher'));
    expect(ours.language).toBe(toIso639_1(theirs.get('Languages') ?? ''));
    expect(ours.isbn).toBe(calibreIsbn(theirs.get('Identifiers')));
    expect(`${ours.series?.name} #${ours.series?.index}`).toBe(theirs.get('Series'));
  });

  it('locked.pdf (LibreOffice open password) is file_encrypted', async () => {
    await expect(extractor.extract(join(out, 'locked.pdf'))).rejects.toMatchObject({
      code: 'metadata.file_encrypted',
    });
  });
});

type MediaTrack = Record<string, string | undefined>;

function mediainfo(file: string): MediaTrack[] {
  const json = execFileSync('mediainfo', ['--Output=JSON', file], { encoding: 'utf8' });
  return (JSON.parse(json) as { media: { track: MediaTrack[] } }).media.track;
}

function channelsOf(track: MediaTrack): string {
  const count = Number(track.Channels);
  const lfe = (track.ChannelLayout ?? track.ChannelPositions ?? '').includes('LFE') ? 1 : 0;
  return `${count - lfe}.${lfe}`;
}

describe.skipIf(!hasTool('ffmpeg') || !hasTool('mediainfo'))('video vs mediainfo', () => {
  beforeAll(() => {
    make('videos');
  }, MAKE_TIMEOUT);

  it.each(['x264.mkv', 'x265.mp4', 'vp9.webm'])(
    '%s: container, codec, size, duration, audio agree',
    async (file) => {
      const ours = (await extractor.extract(join(out, file))) as VideoMetadata;
      const tracks = mediainfo(join(out, file));
      const general = tracks.find((t) => t['@type'] === 'General') ?? {};
      const video = tracks.find((t) => t['@type'] === 'Video') ?? {};
      const audio = tracks.filter((t) => t['@type'] === 'Audio');
      expect(ours.container).toBe(general.Format);
      expect(ours.durationSeconds).toBeCloseTo(Number(general.Duration), 2);
      expect(ours.video?.codec).toBe(video.Format);
      expect(ours.video?.profile ?? undefined).toBe(video.Format_Profile);
      expect([ours.video?.width, ours.video?.height]).toEqual([
        Number(video.Width),
        Number(video.Height),
      ]);
      expect(ours.video?.frameRate).toBeCloseTo(Number(video.FrameRate), 3);
      expect(ours.video?.writingLibrary ?? undefined).toBe(video.Encoded_Library_Name);
      expect(ours.video?.hdrFormat ?? undefined).toBe(video.HDR_Format);
      expect(ours.audioTracks.map((a) => [a.codec, a.channelCount, a.channels])).toEqual(
        audio.map((a) => [a.Format, Number(a.Channels), channelsOf(a)]),
      );
      expect(ours.audioTracks.map((a) => a.language ?? undefined)).toEqual(
        audio.map((a) => a.Language),
      );
      expect(ours.subtitleTracks.length).toBe(tracks.filter((t) => t['@type'] === 'Text').length);
    },
  );

  it('the x264 MKV carries the tracks ffmpeg was told to write', async () => {
    const ours = (await extractor.extract(join(out, 'x264.mkv'))) as VideoMetadata;
    expect(ours.video).toMatchObject({
      codec: 'AVC',
      writingLibrary: 'x264',
      width: 160,
      height: 90,
      frameRate: 25,
    });
    expect(ours.audioTracks.map((a) => a.channels)).toEqual(['2.0', '5.1']);
    expect(ours.subtitleTracks).toMatchObject([{ language: 'fr' }]);
  });
});
