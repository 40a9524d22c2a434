/**
 * CBZ: the images are the book; ComicInfo.xml (the ComicRack schema), when present, carries the
 * metadata. Roles with a MARC relator code use it; comic-only roles keep ComicInfo's own name.
 */
import type { BookMetadata, Creator, Identifier } from '../ports.js';
import { buildBook, clean } from './book.js';
import type { RawBook } from './book.js';
import { toIsbn13 } from './isbn.js';
import type { ExtractionLimits } from './limits.js';
import { child, decodeXml, parseXml, textOf } from './xml.js';
import type { XmlElement } from './xml.js';
import { withZip } from './zip.js';

const IMAGE = /\.(jpe?g|png|gif|webp|bmp|tiff?|avif|jxl)$/i;

const ROLES: readonly [string, string][] = [
  ['Writer', 'aut'],
  ['Penciller', 'penciller'],
  ['Inker', 'inker'],
  ['Colorist', 'clr'],
  ['Letterer', 'letterer'],
  ['CoverArtist', 'cov'],
  ['Editor', 'edt'],
  ['Translator', 'trl'],
];

function field(info: XmlElement, name: string): string | null {
  const element = child(info, name);
  return element === undefined ? null : clean(textOf(element));
}

function list(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function creatorsOf(info: XmlElement): Creator[] {
  return ROLES.flatMap(([name, role]) =>
    list(field(info, name)).map((person) => ({ name: person, fileAs: null, role })),
  );
}

function dateOf(info: XmlElement): string | null {
  const [year, month, day] = ['Year', 'Month', 'Day'].map((name) => field(info, name));
  if (year === null) {
    return null;
  }
  const pad = (value: string | null | undefined): string | null =>
    value === null || value === undefined ? null : value.padStart(2, '0');
  return [year, pad(month), month === null ? null : pad(day)].filter((p) => p !== null).join('-');
}

function identifiersOf(info: XmlElement): Identifier[] {
  const gtin = field(info, 'GTIN');
  if (gtin === null) {
    return [];
  }
  return [{ scheme: toIsbn13(gtin) === null ? 'gtin' : 'isbn', value: gtin }];
}

function titleOf(info: XmlElement): string | null {
  const series = field(info, 'Series');
  const number = field(info, 'Number');
  const composed = series === null ? null : number === null ? series : `${series} #${number}`;
  return field(info, 'Title') ?? composed;
}

function readComicInfo(info: XmlElement): RawBook {
  const series = field(info, 'Series');
  const index = Number.parseFloat(field(info, 'Number') ?? '');
  return {
    title: titleOf(info),
    creators: creatorsOf(info),
    publisher: field(info, 'Publisher'),
    language: field(info, 'LanguageISO'),
    date: dateOf(info),
    identifiers: identifiersOf(info),
    series: series === null ? null : { name: series, index: Number.isFinite(index) ? index : null },
    description: field(info, 'Summary'),
    subjects: [...list(field(info, 'Genre')), ...list(field(info, 'Tags'))],
    pageCount: Number.parseInt(field(info, 'PageCount') ?? '', 10) || null,
  };
}

export function extractCbz(path: string, limits: ExtractionLimits): Promise<BookMetadata> {
  return withZip(path, limits, async (zip) => {
    const images = zip.names.filter((name) => IMAGE.test(name) && !name.startsWith('__MACOSX/'));
    const name = zip.find('ComicInfo.xml');
    const info =
      name === undefined ? {} : readComicInfo(parseXml(decodeXml(await zip.read(name)), limits));
    return buildBook('cbz', path, {
      ...info,
      pageCount: info.pageCount ?? (images.length > 0 ? images.length : null),
      hasCover: images.length > 0,
    });
  });
}
