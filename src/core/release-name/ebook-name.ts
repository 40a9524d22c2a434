/**
 * eBOOK release names as fields, and the two directions between fields and text:
 * `<head>.<Year>.[LANG].<SOURCE>.[EXTRA…].[TYPE].[FMT].eBOOK-GROUP`, where the head is the
 * creator, title, edition, volume, issue or date (scene-rules.md §1.2). Tokens keep the spelling
 * they have in the name; the parser matches them case-insensitively because real names vary
 * (eBook, Hybrid, Comic).
 */
import { joinComponents } from './components.js';
import { splitGroup } from './group.js';
import { languageOfToken } from './languages.js';
import { EBOOK_VOCABULARY } from './vocabulary.js';

export interface EbookNameFields {
  /** Everything before the year: creator, title, edition, volume, issue, date. */
  head: string;
  year: number | null;
  language: string | null;
  source: string | null;
  extraTags: string[];
  typeTag: string | null;
  format: string | null;
  /** Tokens between the year and the marker that belong to no known class. */
  unknownTags: string[];
  marker: string;
  group: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const YEAR = /^(19|20)\d{2}$/;

export function formatEbookName(fields: EbookNameFields): string {
  const body = joinComponents([
    fields.head,
    fields.year === null ? null : String(fields.year),
    fields.language,
    fields.source,
    ...fields.extraTags,
    ...fields.unknownTags,
    fields.typeTag,
    fields.format,
    fields.marker,
  ]);
  return `${body}-${fields.group}`;
}

export function parseEbookName(name: string): ParseResult<EbookNameFields> {
  const split = splitGroup(name);
  if (split === null) {
    return { ok: false, reason: 'the name does not end with -GROUP' };
  }
  const tokens = split.body.split('.');
  const marker = tokens.pop() ?? '';
  if (!EBOOK_VOCABULARY.markers.has(marker.toUpperCase())) {
    return { ok: false, reason: 'the token before -GROUP is not eBOOK' };
  }
  const yearAt = findYear(tokens);
  const tailStart = yearAt >= 0 ? yearAt + 1 : knownTailStart(tokens);
  const head = tokens.slice(0, yearAt >= 0 ? yearAt : tailStart).join('.');
  if (head === '') {
    return { ok: false, reason: 'the name has no title before its tags' };
  }
  const fields = emptyFields(head, marker, split.group);
  fields.year = yearAt >= 0 ? Number(tokens[yearAt]) : null;
  const clash = classifyTail(tokens.slice(tailStart), fields);
  return clash === null ? { ok: true, value: fields } : { ok: false, reason: clash };
}

function emptyFields(head: string, marker: string, group: string): EbookNameFields {
  return {
    head,
    year: null,
    language: null,
    source: null,
    extraTags: [],
    typeTag: null,
    format: null,
    unknownTags: [],
    marker,
    group,
  };
}

/** The year is the last year-like token: only tags may follow it. */
function findYear(tokens: string[]): number {
  for (let i = tokens.length - 1; i > 0; i -= 1) {
    if (YEAR.test(tokens[i] ?? '')) {
      return i;
    }
  }
  return -1;
}

/** Without a year, the tail is the longest run of known tags at the end. */
function knownTailStart(tokens: string[]): number {
  let start = tokens.length;
  while (start > 1 && tokenClass(tokens[start - 1] ?? '') !== 'unknown') {
    start -= 1;
  }
  return start;
}

type TailClass = 'language' | 'source' | 'extra' | 'type' | 'format' | 'unknown';

function tokenClass(token: string): TailClass {
  const upper = token.toUpperCase();
  if (EBOOK_VOCABULARY.sources.has(upper)) {
    return 'source';
  }
  if (EBOOK_VOCABULARY.extras.has(upper)) {
    return 'extra';
  }
  if (EBOOK_VOCABULARY.types.has(upper)) {
    return 'type';
  }
  if (EBOOK_VOCABULARY.formats.has(upper)) {
    return 'format';
  }
  return languageOfToken(token) === null ? 'unknown' : 'language';
}

/** Fills the tag fields from the tail; a reason when a single-valued class appears twice. */
function classifyTail(tail: string[], fields: EbookNameFields): string | null {
  for (const token of tail) {
    const kind = tokenClass(token);
    if (kind === 'extra') {
      fields.extraTags.push(token);
    } else if (kind === 'unknown') {
      fields.unknownTags.push(token);
    } else {
      const key = SINGLE_FIELD[kind];
      if (fields[key] !== null) {
        return `two ${kind} tags: ${fields[key]} and ${token}`;
      }
      fields[key] = token;
    }
  }
  return null;
}

const SINGLE_FIELD = {
  language: 'language',
  source: 'source',
  type: 'typeTag',
  format: 'format',
} as const;
