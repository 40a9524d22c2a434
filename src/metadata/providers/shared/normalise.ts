/**
 * Normal forms every provider answers in: ISBN-13 digits, ISO 639-1 languages, plain-text
 * descriptions, https image URLs. ISBN and language rules are the extractors' own, so a value read
 * from a file and one sent by a provider compare equal in the merge.
 */
import { toIsbn13 } from '../../extract/isbn.js';
import { toIso639_1 } from '../../extract/language.js';
import { text } from './json.js';

export function isbn13(value: unknown): string | undefined {
  const raw = text(value);
  return raw === undefined ? undefined : (toIsbn13(raw) ?? undefined);
}

/** The first valid ISBN of the lists, ISBN-13 lists first. */
export function firstIsbn(...lists: unknown[][]): string | undefined {
  for (const item of lists.flat()) {
    const isbn = isbn13(item);
    if (isbn !== undefined) {
      return isbn;
    }
  }
  return undefined;
}

/** ISO 639-1 from a 2- or 3-letter code, a MARC code (`fre`) or a language name. */
export function language(value: unknown): string | undefined {
  const raw = text(value);
  return raw === undefined ? undefined : (toIso639_1(raw) ?? undefined);
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Text without HTML tags: `<br>` and `<p>` become line breaks, entities are decoded. */
export function plainText(value: unknown): string | undefined {
  const raw = text(value);
  if (raw === undefined) {
    return undefined;
  }
  const stripped = raw
    .replace(/<\s*(br|\/p|p)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (entity, name: string) => decodeEntity(entity, name))
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n\s*(\n\s*)+/g, '\n\n');
  return text(
    stripped
      .split('\n')
      .map((line) => line.trim())
      .join('\n'),
  );
}

function decodeEntity(entity: string, name: string): string {
  if (name.startsWith('#x') || name.startsWith('#X')) {
    return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
  }
  if (name.startsWith('#')) {
    return String.fromCodePoint(Number(name.slice(1)));
  }
  return ENTITIES[name.toLowerCase()] ?? entity;
}

/** `https://` instead of `http://` (Google sends http image links). */
export function https(url: string | undefined): string | undefined {
  return url?.replace(/^http:\/\//i, 'https://');
}

/** A whole positive number, else undefined. */
export function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** A title reduced to lower-case letters and digits, for "is this the one asked" checks. */
export function comparableTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();
}
