/** Builders for synthetic test inputs (ZIP-based formats, temp dirs) written with yazl. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';

export interface ZipItem {
  name: string;
  data: string | Buffer;
  /** Stored instead of deflated (EPUB's mimetype). */
  store?: boolean;
}

export async function writeZip(path: string, items: ZipItem[]): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const item of items) {
    const data = typeof item.data === 'string' ? Buffer.from(item.data) : item.data;
    zip.addBuffer(data, item.name, { compress: item.store !== true });
  }
  zip.end();
  const out = createWriteStream(path);
  zip.outputStream.pipe(out);
  await finished(out);
  return path;
}

export function tempDir(prefix: string): {
  dir: string;
  file: (name: string) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return {
    dir,
    file: (name) => join(dir, name),
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function writeBytes(path: string, data: string | Buffer): string {
  writeFileSync(path, data);
  return path;
}

export const CONTAINER_XML = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

/** An EPUB whose OPF (at OEBPS/content.opf) holds `metadata`, plus any extra entries. */
export function epubItems(metadata: string, extra: ZipItem[] = [], manifest = ''): ZipItem[] {
  const opf = `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">${metadata}</metadata>
  <manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>${manifest}</manifest>
  <spine><itemref idref="c1"/></spine>
</package>`;
  return [
    { name: 'mimetype', data: 'application/epub+zip', store: true },
    { name: 'META-INF/container.xml', data: CONTAINER_XML },
    { name: 'OEBPS/content.opf', data: opf },
    {
      name: 'OEBPS/c1.xhtml',
      data: '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>',
    },
    ...extra,
  ];
}
