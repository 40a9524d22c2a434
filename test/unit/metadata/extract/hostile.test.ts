/**
 * The hostile-file corpus, generated here: every file must end in a typed AppError with the
 * expected code — no crash, no hang (the test timeout is the bound), no untyped error.
 */
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { deflateSync } from 'node:zlib';
import yazl from 'yazl';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFileExtractor } from '../../../../src/metadata/extract/extractor.js';
import type { ExtractionLimits } from '../../../../src/metadata/extract/limits.js';
import { AppError } from '../../../../src/shared/errors.js';
import { CONTAINER_XML, epubItems, tempDir, writeBytes, writeZip } from './support/files.js';

const DIR = join(import.meta.dirname, '../../../fixtures/metadata/generated');
// Making some of these files takes seconds on a busy machine; the extractor's answer does not.
const SLOW = 120_000;
const tmp = tempDir('hostile');
afterAll(tmp.remove);

async function codeOf(path: string, limits: Partial<ExtractionLimits> = {}): Promise<string> {
  try {
    await new LocalFileExtractor({ limits }).extract(path);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
  return 'no error';
}

/** `bytes` of one repeated byte, streamed so the test never holds the expanded data. */
function repeated(byte: number, bytes: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024, byte);
  let left = bytes;
  return new Readable({
    read() {
      const size = Math.min(left, chunk.length);
      left -= size;
      this.push(size > 0 ? chunk.subarray(0, size) : null);
    },
  });
}

/** Sets a field of every central-directory entry (offsets from the entry's signature). */
function patchCentralDirectory(path: string, patch: (bytes: Buffer, entry: number) => void): void {
  const bytes = readFileSync(path);
  const eocd = bytes.lastIndexOf(Buffer.from('504b0506', 'hex'));
  let entry = bytes.readUInt32LE(eocd + 16);
  while (bytes.readUInt32LE(entry) === 0x02014b50) {
    patch(bytes, entry);
    entry +=
      46 +
      bytes.readUInt16LE(entry + 28) +
      bytes.readUInt16LE(entry + 30) +
      bytes.readUInt16LE(entry + 32);
  }
  writeFileSync(path, bytes);
}

function pdfWith(objects: string[], trailer: string): Buffer {
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('hostile ZIP-based files', { timeout: SLOW }, () => {
  it('zip bomb: a 64 MiB container.xml is refused after 8 MiB (file_too_large)', async () => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('application/epub+zip'), 'mimetype', { compress: false });
    zip.addReadStream(repeated(0x20, 64 * 1024 * 1024), 'META-INF/container.xml');
    zip.end();
    const out = createWriteStream(tmp.file('bomb.epub'));
    zip.outputStream.pipe(out);
    await finished(out);
    expect(await codeOf(tmp.file('bomb.epub'))).toBe('metadata.file_too_large');
  });

  it('lying sizes: an entry whose directory claims 100 bytes but inflates to 16 MiB', async () => {
    const liar = await writeZip(tmp.file('liar.epub'), [
      { name: 'mimetype', data: 'application/epub+zip', store: true },
      {
        name: 'META-INF/container.xml',
        data: Buffer.concat([Buffer.from(CONTAINER_XML), Buffer.alloc(16 * 1024 * 1024, 0x20)]),
      },
    ]);
    patchCentralDirectory(liar, (b, entry) => {
      if (b.readUInt16LE(entry + 10) !== 0) {
        b.writeUInt32LE(100, entry + 24); // uncompressed size of the deflated entry
      }
    });
    expect(['metadata.file_corrupt', 'metadata.file_too_large']).toContain(await codeOf(liar));
  });

  it('10,000-entry ZIP is refused from its directory count (file_too_large)', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      name: `p/${i}.jpg`,
      data: 'x',
      store: true,
    }));
    const path = await writeZip(tmp.file('many.cbz'), items);
    expect(await codeOf(path)).toBe('metadata.file_too_large');
  });

  it('huge XML: a 12 MiB OPF is refused (file_too_large)', async () => {
    const subjects = '<dc:subject>padding padding padding</dc:subject>'.repeat(260_000);
    const path = await writeZip(
      tmp.file('huge.epub'),
      epubItems(`<dc:title>T</dc:title>${subjects}`),
    );
    expect(await codeOf(path)).toBe('metadata.file_too_large');
  });

  it('deeply nested XML: 10,000 levels in the OPF (file_too_large)', async () => {
    const deep = `${'<x>'.repeat(10_000)}${'</x>'.repeat(10_000)}`;
    const path = await writeZip(tmp.file('deep.epub'), epubItems(`<dc:title>T</dc:title>${deep}`));
    expect(await codeOf(path)).toBe('metadata.file_too_large');
  });

  it('billion laughs in the OPF (file_corrupt, nothing expanded)', async () => {
    const entities = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`,
    ).join('');
    const opf = `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY l0 "lol">${entities}]><package><metadata><title>&l9;</title></metadata></package>`;
    const path = await writeZip(tmp.file('laughs.epub'), [
      { name: 'mimetype', data: 'application/epub+zip', store: true },
      { name: 'META-INF/container.xml', data: CONTAINER_XML },
      { name: 'OEBPS/content.opf', data: opf },
    ]);
    expect(await codeOf(path)).toBe('metadata.file_corrupt');
  });

  it('billion laughs in a DOCX core.xml (file_corrupt)', async () => {
    const core =
      '<!DOCTYPE c [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><c><title>&b;</title></c>';
    const path = await writeZip(tmp.file('laughs.docx'), [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<document/>' },
      { name: 'docProps/core.xml', data: core },
    ]);
    expect(await codeOf(path)).toBe('metadata.file_corrupt');
  });

  it('an encrypted package document (PKWARE encryption flag) is file_encrypted', async () => {
    const path = await writeZip(tmp.file('zipcrypto.epub'), epubItems('<dc:title>T</dc:title>'));
    const opf = Buffer.from('OEBPS/content.opf');
    patchCentralDirectory(path, (b, entry) => {
      if (b.subarray(entry + 46, entry + 46 + opf.length).equals(opf)) {
        b.writeUInt16LE(b.readUInt16LE(entry + 8) | 1, entry + 8);
      }
    });
    expect(await codeOf(path)).toBe('metadata.file_encrypted');
  });

  it('truncated EPUB (first half of a real file) is file_corrupt', async () => {
    const real = readFileSync(join(DIR, 'book2.epub'));
    const path = writeBytes(tmp.file('half.epub'), real.subarray(0, real.length / 2));
    expect(await codeOf(path)).toBe('metadata.file_corrupt');
  });

  it('EPUB whose container.xml names a missing package is file_corrupt', async () => {
    const path = await writeZip(tmp.file('noopf.epub'), [
      { name: 'mimetype', data: 'application/epub+zip', store: true },
      { name: 'META-INF/container.xml', data: CONTAINER_XML },
    ]);
    expect(await codeOf(path)).toBe('metadata.file_corrupt');
  });
});

describe('hostile PDFs', { timeout: SLOW }, () => {
  it('a Pages tree that contains itself (reference loop) is file_corrupt', async () => {
    const pdf = pdfWith(
      ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>'],
      '/Root 1 0 R',
    );
    expect(await codeOf(writeBytes(tmp.file('loop.pdf'), pdf))).toBe('metadata.file_corrupt');
  });

  it('an Info dictionary that refers to itself does not hang', async () => {
    const pdf = pdfWith(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>',
        '4 0 R',
      ],
      '/Root 1 0 R /Info 4 0 R',
    );
    const result = await new LocalFileExtractor().extract(writeBytes(tmp.file('selfref.pdf'), pdf));
    expect(result).toMatchObject({
      kind: 'book',
      format: 'pdf',
      pageCount: 1,
      titleSource: 'file_name',
    });
  });

  it('a truncated real PDF is file_corrupt', async () => {
    const real = readFileSync(join(DIR, 'doc.pdf'));
    const path = writeBytes(tmp.file('cut.pdf'), real.subarray(0, 3000));
    expect(await codeOf(path)).toBe('metadata.file_corrupt');
  });

  it('a 4 GiB content-stream bomb is stopped by the time or memory limit', async () => {
    const spaces = deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 }).toString(
      'latin1',
    );
    const copies = 64; // one 64 MiB stream drawn 64 times on one page: 4 GiB for the lexer
    const pdf = pdfWith(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Contents [${'4 0 R '.repeat(copies)}] >>`,
        `<< /Length ${spaces.length} /Filter /FlateDecode >>\nstream\n${spaces}\nendstream`,
      ],
      '/Root 1 0 R',
    );
    const code = await codeOf(writeBytes(tmp.file('bomb.pdf'), pdf), {
      timeoutMs: 5000,
      maxPdfHeapMb: 128,
    });
    expect(['metadata.extract_failed', 'metadata.file_too_large']).toContain(code);
  });

  it('garbage after a %PDF header is file_corrupt', async () => {
    const noise = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 131) % 251));
    const path = writeBytes(
      tmp.file('noise.pdf'),
      Buffer.concat([Buffer.from('%PDF-1.7\n'), noise]),
    );
    expect(await codeOf(path)).toBe('metadata.file_corrupt');
  });
});

describe('hostile binary formats', { timeout: SLOW }, () => {
  it('a MOBI cut inside its PalmDB header is file_corrupt', async () => {
    const real = readFileSync(join(DIR, 'book.mobi'));
    expect(await codeOf(writeBytes(tmp.file('cut.mobi'), real.subarray(0, 80)))).toBe(
      'metadata.file_corrupt',
    );
  });

  it('a MOBI whose EXTH record claims an impossible length is file_corrupt', async () => {
    const bytes = Buffer.from(readFileSync(join(DIR, 'book.mobi')));
    const exth = bytes.indexOf('EXTH');
    bytes.writeUInt32BE(0x7fffffff, exth + 16); // the first record's length
    expect(await codeOf(writeBytes(tmp.file('exth.mobi'), bytes))).toBe('metadata.file_corrupt');
  });

  it('RTF groups nested 100,000 deep are file_too_large', async () => {
    const rtf = `{\\rtf1{\\info{\\title ${'{'.repeat(100_000)}x${'}'.repeat(100_000)}}}}`;
    expect(await codeOf(writeBytes(tmp.file('deep.rtf'), rtf))).toBe('metadata.file_too_large');
  });

  it('a Matroska header followed by noise is file_corrupt', async () => {
    const head = readFileSync(join(DIR, 'x264.mkv')).subarray(0, 40);
    const noise = Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 131) % 251));
    expect(await codeOf(writeBytes(tmp.file('noise.mkv'), Buffer.concat([head, noise])))).toBe(
      'metadata.file_corrupt',
    );
  });

  it('a video whose reads exceed the read budget is file_too_large', async () => {
    expect(await codeOf(join(DIR, 'x265.mp4'), { maxVideoReadBytes: 4096 })).toBe(
      'metadata.file_too_large',
    );
  });
});
