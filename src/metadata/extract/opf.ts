/**
 * OPF package metadata (EPUB 2 and 3) → raw book fields. EPUB 2 states roles, schemes and events
 * as `opf:` attributes; EPUB 3 states them in `<meta refines="#id" property="…">`; calibre adds
 * `calibre:series` metas. All three are read.
 */
import type { Creator, Identifier, Series } from '../ports.js';
import { clean, schemeFromValue } from './book.js';
import type { RawBook } from './book.js';
import { attr, child, children, textOf } from './xml.js';
import type { XmlElement } from './xml.js';

/** `refines` metas by target id → property → values. */
type Refinements = Map<string, Map<string, string[]>>;

function collectRefinements(metadata: XmlElement): Refinements {
  const refinements: Refinements = new Map();
  for (const meta of children(metadata, 'meta')) {
    const target = attr(meta, 'refines')?.replace(/^#/, '');
    const property = attr(meta, 'property');
    if (target !== undefined && property !== undefined) {
      const byProperty = refinements.get(target) ?? new Map<string, string[]>();
      byProperty.set(property, [...(byProperty.get(property) ?? []), textOf(meta)]);
      refinements.set(target, byProperty);
    }
  }
  return refinements;
}

function refined(refs: Refinements, element: XmlElement, property: string): string | undefined {
  const id = attr(element, 'id');
  return id === undefined ? undefined : refs.get(id)?.get(property)?.[0];
}

/** calibre writes "Unknown" when it has no sort name; that is no sort name. */
function fileAsOf(value: string | undefined): string | null {
  const fileAs = clean(value);
  return fileAs === 'Unknown' ? null : fileAs;
}

function creatorsOf(metadata: XmlElement, refs: Refinements): Creator[] {
  const read = (name: 'creator' | 'contributor', fallbackRole: string | null): Creator[] =>
    children(metadata, name).map((element) => ({
      name: textOf(element),
      fileAs: fileAsOf(attr(element, 'file-as') ?? refined(refs, element, 'file-as')),
      role:
        (attr(element, 'role') ?? refined(refs, element, 'role') ?? fallbackRole)?.toLowerCase() ??
        null,
    }));
  // A creator without a role is an author in both EPUB versions and for every reading system.
  return [...read('creator', 'aut'), ...read('contributor', null)];
}

function titlesOf(
  metadata: XmlElement,
  refs: Refinements,
): { title: string | null; subtitle: string | null } {
  const titles = children(metadata, 'title');
  const typed = (type: string): XmlElement | undefined =>
    titles.find((element) => refined(refs, element, 'title-type') === type);
  const main = typed('main') ?? titles[0];
  const subtitle = typed('subtitle');
  return {
    title: main === undefined ? null : textOf(main),
    subtitle: subtitle === undefined ? null : textOf(subtitle),
  };
}

// EPUB 3 `identifier-type` refinements usually use ONIX code list 5.
const ONIX_ID_TYPES: Record<string, string> = {
  '02': 'isbn',
  '15': 'isbn',
  '06': 'doi',
  '22': 'urn',
};

function identifiersOf(metadata: XmlElement, refs: Refinements): Identifier[] {
  return children(metadata, 'identifier').map((element) => {
    const value = textOf(element);
    const refinedType = refined(refs, element, 'identifier-type');
    const declared =
      attr(element, 'scheme') ?? (refinedType && (ONIX_ID_TYPES[refinedType] ?? refinedType));
    const scheme = clean(declared)?.toLowerCase() ?? schemeFromValue(value) ?? 'unknown';
    return { scheme, value };
  });
}

/** EPUB 2 may list several dates with `opf:event`; the publication date is the one we want. */
function dateOf(metadata: XmlElement): string | null {
  const dates = children(metadata, 'date');
  const byEvent = (event: string): XmlElement | undefined =>
    dates.find((element) => attr(element, 'event')?.toLowerCase() === event);
  const chosen =
    byEvent('publication') ?? dates.find((d) => attr(d, 'event') === undefined) ?? dates[0];
  return chosen === undefined ? null : textOf(chosen);
}

function numberOrNull(text: string | undefined): number | null {
  const value = Number.parseFloat(text ?? '');
  return Number.isFinite(value) ? value : null;
}

function seriesOf(metadata: XmlElement, refs: Refinements): Series | null {
  const metas = children(metadata, 'meta');
  // EPUB 2 style `<meta name content>`; some tools write calibre's keys as EPUB 3 properties.
  const named = (name: string): string | undefined => {
    const meta = metas.find((m) => attr(m, 'name') === name || attr(m, 'property') === name);
    return meta === undefined ? undefined : (attr(meta, 'content') ?? textOf(meta));
  };
  const calibreName = clean(named('calibre:series'));
  if (calibreName !== null) {
    return { name: calibreName, index: numberOrNull(named('calibre:series_index')) };
  }
  const collection = metas.find(
    (m) =>
      attr(m, 'property') === 'belongs-to-collection' &&
      (refined(refs, m, 'collection-type') ?? 'series') === 'series',
  );
  if (collection === undefined) {
    return null;
  }
  const name = clean(textOf(collection));
  return name === null
    ? null
    : { name, index: numberOrNull(refined(refs, collection, 'group-position')) };
}

export function readOpfMetadata(pkg: XmlElement): RawBook {
  const metadata = child(pkg, 'metadata');
  if (metadata === undefined) {
    return {};
  }
  const refs = collectRefinements(metadata);
  const first = (name: string): string | null => {
    const element = child(metadata, name);
    return element === undefined ? null : textOf(element);
  };
  return {
    ...titlesOf(metadata, refs),
    creators: creatorsOf(metadata, refs),
    publisher: first('publisher'),
    language: first('language'),
    date: dateOf(metadata),
    identifiers: identifiersOf(metadata, refs),
    series: seriesOf(metadata, refs),
    description: first('description'),
    subjects: children(metadata, 'subject').map(textOf),
  };
}

/** The manifest path of the cover image, relative to the OPF, when the package names one. */
export function coverHref(pkg: XmlElement): string | null {
  const items = children(child(pkg, 'manifest') ?? pkg, 'item');
  const epub3 = items.find((item) =>
    (attr(item, 'properties') ?? '').split(/\s+/).includes('cover-image'),
  );
  const coverId = children(child(pkg, 'metadata') ?? pkg, 'meta').find(
    (m) => attr(m, 'name') === 'cover',
  )?.attrs.content;
  const epub2 = items.find((item) => coverId !== undefined && attr(item, 'id') === coverId);
  const chosen = epub3 ?? epub2;
  const isImage = (attr(chosen ?? pkg, 'media-type') ?? '').startsWith('image/');
  return chosen !== undefined && isImage ? (attr(chosen, 'href') ?? null) : null;
}
