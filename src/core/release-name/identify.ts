/**
 * Reading a name without knowing its kind, and small answers about names: the words of a dotted
 * title ("Show.Name" → "Show Name") and the source an eBOOK's file name announces.
 */
import { parseEbookName, type EbookNameFields, type ParseResult } from './ebook-name.js';
import { parseTvName } from './tv-name.js';
import type { TvNameFields } from './tv-types.js';

export type ParsedName =
  | { ok: true; kind: 'ebook'; fields: EbookNameFields }
  | { ok: true; kind: 'tv'; fields: TvNameFields }
  | { ok: false; reason: string };

/** eBOOK when the name ends in the eBOOK marker, else TV. */
export function parseReleaseName(name: string): ParsedName {
  const ebook = parseEbookName(name);
  if (ebook.ok) {
    return { ok: true, kind: 'ebook', fields: ebook.value };
  }
  const tv: ParseResult<TvNameFields> = parseTvName(name);
  if (tv.ok) {
    return { ok: true, kind: 'tv', fields: tv.value };
  }
  return {
    ok: false,
    reason: `neither an eBOOK name (${ebook.reason}) nor a TV name (${tv.reason})`,
  };
}

/** "Show.Name" → "Show Name": the title as people write it. */
export function nameWords(dotted: string): string {
  return dotted
    .split('.')
    .filter((word) => word !== '')
    .join(' ');
}

const SOURCE_HINTS: readonly [RegExp, string][] = [
  [/[-_]retail(?=[-_.]|$)/i, 'RETAIL'],
  [/[-_]scan(?=[-_.]|$)/i, 'SCAN'],
  [/[-_]hybrid(?=[-_.]|$)/i, 'HYBRID'],
];

/**
 * The source of an eBOOK: the explicit value when there is one, else a `-retail`/`_retail`,
 * `-scan` or `-hybrid` token in the file name, else RETAIL.
 */
export function guessEbookSource(fileName: string, explicit?: string | null): string {
  if (explicit !== null && explicit !== undefined && explicit.trim() !== '') {
    return explicit.trim().toUpperCase();
  }
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return SOURCE_HINTS.find(([pattern]) => pattern.test(base))?.[1] ?? 'RETAIL';
}
