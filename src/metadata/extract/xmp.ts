/**
 * XMP packets (PDF metadata streams): Dublin Core, PRISM, xmp:Identifier and calibre's series,
 * written as elements (rdf:Alt/Seq/Bag lists, `rdf:parseType="Resource"` structures with an
 * rdf:value) or as attributes of rdf:Description.
 */
import type { Identifier } from '../ports.js';
import { clean } from './book.js';
import type { RawBook } from './book.js';
import type { ExtractionLimits } from './limits.js';
import { child, descendants, parseXml, textOf } from './xml.js';
import type { XmlElement } from './xml.js';

/** A property's value: its rdf:value when it is a structure, else its text. */
function valueOf(element: XmlElement): string {
  const value = child(element, 'value');
  return textOf(value ?? element);
}

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
      found.push(...(items.length > 0 ? items.map(valueOf) : [valueOf(element)]));
    }
  }
  return found.map((value) => clean(value)).filter((value) => value !== null);
}

/** xmp:Identifier items are structures: `<xmpidq:Scheme>isbn</…><rdf:value>…</rdf:value>`. */
function xmpIdentifiers(descriptions: XmlElement[]): Identifier[] {
  return descriptions.flatMap((description) =>
    descendants(description, 'Identifier').flatMap((element) =>
      descendants(element, 'li').map((item) => {
        const scheme = child(item, 'Scheme');
        return {
          scheme: scheme === undefined ? 'unknown' : textOf(scheme).toLowerCase(),
          value: valueOf(item),
        };
      }),
    ),
  );
}

function identifiersOf(descriptions: XmlElement[]): Identifier[] {
  const all = [
    ...xmpIdentifiers(descriptions),
    ...values(descriptions, 'isbn').map((value) => ({ scheme: 'isbn', value })),
    ...values(descriptions, 'identifier').map((value) => ({ scheme: 'unknown', value })),
  ];
  const seen = new Set<string>();
  return all.filter(
    (id) => !seen.has(`${id.scheme}:${id.value}`) && seen.add(`${id.scheme}:${id.value}`),
  );
}

export function readXmp(packet: string, limits: Pick<ExtractionLimits, 'maxXmlDepth'>): RawBook {
  const descriptions = descendants(parseXml(packet, limits), 'Description');
  const first = (name: string): string | null => values(descriptions, name)[0] ?? null;
  const series = first('series');
  const index = Number.parseFloat(first('series_index') ?? '');
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
    series: series === null ? null : { name: series, index: Number.isFinite(index) ? index : null },
  };
}
