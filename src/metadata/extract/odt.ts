/**
 * ODT: meta.xml (title, initial creator, subject, description, keywords, language, creation date,
 * page and word counts). A password-protected ODT keeps meta.xml readable; its manifest lists
 * `encryption-data` for the encrypted parts.
 */
import type { BookMetadata } from '../ports.js';
import { buildBook, clean } from './book.js';
import type { RawBook } from './book.js';
import type { ExtractionLimits } from './limits.js';
import { attr, child, children, decodeXml, descendants, parseXml, textOf } from './xml.js';
import type { XmlElement } from './xml.js';
import { withZip } from './zip.js';
import type { ZipArchive } from './zip.js';

function field(meta: XmlElement, name: string): string | null {
  const element = child(meta, name);
  return element === undefined ? null : clean(textOf(element));
}

function statistic(meta: XmlElement, name: string): number | null {
  const stats = child(meta, 'document-statistic');
  const value = Number.parseInt(stats === undefined ? '' : (attr(stats, name) ?? ''), 10);
  return Number.isInteger(value) && value >= 0 ? value : null;
}

function readMeta(meta: XmlElement): RawBook {
  // dc:creator is the last person who saved; the author is the initial creator.
  const author = field(meta, 'initial-creator') ?? field(meta, 'creator');
  const subject = field(meta, 'subject');
  return {
    title: field(meta, 'title'),
    creators: author === null ? [] : [{ name: author, fileAs: null, role: 'aut' }],
    description: field(meta, 'description'),
    subjects: [...(subject === null ? [] : [subject]), ...children(meta, 'keyword').map(textOf)],
    language: field(meta, 'language'),
    date: field(meta, 'creation-date'),
    pageCount: statistic(meta, 'page-count'),
    wordCount: statistic(meta, 'word-count'),
  };
}

async function isEncrypted(zip: ZipArchive, limits: ExtractionLimits): Promise<boolean> {
  const manifest = zip.find('META-INF/manifest.xml');
  if (manifest === undefined) {
    return false;
  }
  const root = parseXml(decodeXml(await zip.read(manifest)), limits);
  return descendants(root, 'encryption-data').length > 0;
}

export function extractOdt(path: string, limits: ExtractionLimits): Promise<BookMetadata> {
  return withZip(path, limits, async (zip) => {
    const name = zip.find('meta.xml');
    const root = name === undefined ? null : parseXml(decodeXml(await zip.read(name)), limits);
    const meta = root === null ? undefined : child(root, 'meta');
    return buildBook('odt', path, {
      ...(meta === undefined ? {} : readMeta(meta)),
      encrypted: await isEncrypted(zip, limits),
    });
  });
}
