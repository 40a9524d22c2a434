/**
 * DOCX: docProps/core.xml (Dublin Core: title, creator, subject, description, keywords, language,
 * created) and docProps/app.xml (Pages, Words). Word writes both; LibreOffice writes no counts.
 */
import type { BookMetadata } from '../ports.js';
import { buildBook, clean } from './book.js';
import type { RawBook } from './book.js';
import type { ExtractionLimits } from './limits.js';
import { child, decodeXml, parseXml, textOf } from './xml.js';
import type { XmlElement } from './xml.js';
import { withZip } from './zip.js';
import type { ZipArchive } from './zip.js';

async function readPart(
  zip: ZipArchive,
  name: string,
  limits: ExtractionLimits,
): Promise<XmlElement | null> {
  const found = zip.find(name);
  return found === undefined ? null : parseXml(decodeXml(await zip.read(found)), limits);
}

function field(root: XmlElement | null, name: string): string | null {
  const element = root === null ? undefined : child(root, name);
  return element === undefined ? null : clean(textOf(element));
}

function count(root: XmlElement | null, name: string): number | null {
  const value = Number.parseInt(field(root, name) ?? '', 10);
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/** Keywords are one string; Word separates with `;` or `,`. */
export function splitKeywords(value: string | null): string[] {
  return (value ?? '')
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function readCore(core: XmlElement | null, app: XmlElement | null): RawBook {
  const creator = field(core, 'creator');
  const subject = field(core, 'subject');
  return {
    title: field(core, 'title'),
    creators: splitKeywords(creator).map((name) => ({ name, fileAs: null, role: 'aut' })),
    description: field(core, 'description'),
    subjects: [...(subject === null ? [] : [subject]), ...splitKeywords(field(core, 'keywords'))],
    language: field(core, 'language'),
    date: field(core, 'created'),
    pageCount: count(app, 'Pages'),
    wordCount: count(app, 'Words'),
  };
}

export function extractDocx(path: string, limits: ExtractionLimits): Promise<BookMetadata> {
  return withZip(path, limits, async (zip) => {
    const core = await readPart(zip, 'docProps/core.xml', limits);
    const app = await readPart(zip, 'docProps/app.xml', limits);
    return buildBook('docx', path, readCore(core, app));
  });
}
