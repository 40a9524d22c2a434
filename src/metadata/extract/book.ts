/**
 * One place where every book/document extractor's raw findings become a `BookMetadata`: text is
 * tidied, the language normalised, the date parsed, the ISBN chosen and validated, and the file
 * stem used as the title only when nothing better exists.
 */
import type {
  BookFormat,
  BookMetadata,
  Creator,
  Identifier,
  Series,
  TitleSource,
} from '../ports.js';
import { parseDate } from './dates.js';
import { fileStem } from './file.js';
import { isbnFromIdentifier } from './isbn.js';
import { toIso639_1 } from './language.js';

/** What an extractor found, before normalisation. Omitted means absent. */
export interface RawBook {
  title?: string | null;
  titleSource?: TitleSource;
  subtitle?: string | null;
  creators?: Creator[];
  publisher?: string | null;
  language?: string | null;
  date?: string | null;
  identifiers?: Identifier[];
  /** An ISBN found outside the identifiers (PDF text); already ISBN-13. */
  isbn?: string | null;
  series?: Series | null;
  description?: string | null;
  subjects?: string[];
  pageCount?: number | null;
  wordCount?: number | null;
  hasCover?: boolean;
  drm?: boolean;
  encrypted?: boolean;
  kf8?: boolean | null;
  warnings?: string[];
}

/** Whitespace collapsed and trimmed; empty becomes null. */
export function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim() ?? '';
  return text === '' ? null : text;
}

/** A description may carry HTML (calibre, OPDS); names and NFOs want plain text. */
function stripHtml(value: string | null | undefined): string | null {
  const blocks = /<\/?(?:p|br|div|li|ul|ol|h[1-6]|blockquote|tr|td)\b[^>]*>/gi;
  return clean(
    value
      ?.replace(blocks, ' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, ' '),
  );
}

function chooseIsbn(raw: RawBook, warnings: string[]): string | null {
  for (const id of raw.identifiers ?? []) {
    const isbn = isbnFromIdentifier(id.value, id.scheme);
    if (isbn !== null) {
      return isbn;
    }
    if (id.scheme === 'isbn') {
      warnings.push(`Invalid ISBN ignored: ${id.value}`);
    }
  }
  return raw.isbn ?? null;
}

function dateOf(raw: RawBook, warnings: string[]): { date: string | null; year: number | null } {
  const text = clean(raw.date);
  if (text === null) {
    return { date: null, year: null };
  }
  const parsed = parseDate(text);
  if (parsed === null) {
    warnings.push(`Unreadable date ignored: ${text}`);
    return { date: null, year: null };
  }
  return parsed;
}

function titleOf(raw: RawBook, path: string): { title: string; titleSource: TitleSource } {
  const title = clean(raw.title);
  if (title !== null) {
    return { title, titleSource: raw.titleSource ?? 'metadata' };
  }
  return { title: fileStem(path), titleSource: 'file_name' };
}

function uniqueCreators(creators: Creator[]): Creator[] {
  const seen = new Set<string>();
  return creators.filter((creator) => {
    const key = `${creator.name}\u0000${creator.role ?? ''}`;
    const fresh = !seen.has(key);
    seen.add(key);
    return fresh && creator.name !== '';
  });
}

export function buildBook(format: BookFormat, path: string, raw: RawBook): BookMetadata {
  const warnings = [...(raw.warnings ?? [])];
  const languageRaw = clean(raw.language);
  return {
    kind: 'book',
    format,
    ...titleOf(raw, path),
    subtitle: clean(raw.subtitle),
    creators: uniqueCreators(raw.creators ?? []),
    publisher: clean(raw.publisher),
    language: languageRaw === null ? null : toIso639_1(languageRaw),
    languageRaw,
    ...dateOf(raw, warnings),
    identifiers: raw.identifiers ?? [],
    isbn: chooseIsbn(raw, warnings),
    series: raw.series ?? null,
    description: stripHtml(raw.description),
    subjects: [...new Set((raw.subjects ?? []).map(clean).filter((s) => s !== null))],
    pageCount: raw.pageCount ?? null,
    wordCount: raw.wordCount ?? null,
    hasCover: raw.hasCover ?? false,
    drm: raw.drm ?? false,
    encrypted: raw.encrypted ?? false,
    kf8: raw.kf8 ?? null,
    warnings,
  };
}

/** Scheme of an identifier that says it in its value (`urn:isbn:…`, `uuid:…`, `doi:…`). */
export function schemeFromValue(value: string): string | null {
  const match = /^(?:urn:)?(isbn|uuid|doi|issn|asin|amazon|google|calibre)[:\s]/i.exec(
    value.trim(),
  );
  return match?.[1]?.toLowerCase() ?? null;
}
