/**
 * XMP packets (PDF metadata streams): Dublin Core, PRISM and calibre properties, written either
 * as elements (with rdf:Alt/Seq/Bag lists) or as attributes of rdf:Description.
 */
import type { Identifier } from '../ports.js';
import { clean } from './book.js';
import type { RawBook } from './book.js';
import type { ExtractionLimits } from './limits.js';
import { descendants, parseXml, textOf } from './xml.js';
import type { XmlElement } from './xml.js';

/** All values of a property, across every rdf:Description (element or attribute form). */
function values(descriptions: XmlElement[], name: string): string[] {
  const found: string[] = [];
  for (const description of descriptions) {
    const attribute = description.attrs[name];
    if (attribute !== undefined) {
      found.push(attribute);
    }
    for (const element of descendants(description, name)) {
      const items = descendants(element, 'li');
      found.push(...(items.length > 0 ? items.map(textOf) : [textOf(element)]));
    }
  }
  return found.map((value) => clean(value)).filter((value) => value !== null);
}

function identifiersOf(descriptions: XmlElement[]): Identifier[] {
  return [
    ...values(descriptions, 'isbn').map((value) => ({ scheme: 'isbn', value })),
    ...values(descriptions, 'identifier').map((value) => ({ scheme: 'unknown', value })),
  ];
}

export function readXmp(packet: string, limits: Pick<ExtractionLimits, 'maxXmlDepth'>): RawBook {
  const descriptions = descendants(parseXml(packet, limits), 'Description');
  const first = (name: string): string | null => values(descriptions, name)[0] ?? null;
  const series = first('series');
  return {
    title: first('title'),
    creators: values(descriptions, 'creator').map((name) => ({ name, fileAs: null, role: 'aut' })),
    publisher: first('publisher'),
    language: first('language'),
    // PRISM's publication date is the book's; dc:date is often only the file's.
    date: first('publicationDate') ?? first('date'),
    identifiers: identifiersOf(descriptions),
    description: first('description'),
    subjects: values(descriptions, 'subject'),
    series: series === null ? null : { name: series, index: Number(first('series_index')) || null },
  };
}
