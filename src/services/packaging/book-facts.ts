/** A book's facts: the flags first, then the file's metadata, then its name. */
import type { BookFacts } from '../../core/plan.js';
import { EBOOK_KINDS, type EbookKind } from '../../core/release-name/index.js';
import { validationError } from '../../shared/errors.js';
import type { BookMetadata } from '../../metadata/ports.js';
import type { PackFlags } from './types.js';

const SOURCE_HINT = /[-_](retail|scan|hybrid)(?=[-_.]|$)/gi;

export function bookFacts(
  stem: string,
  flags: PackFlags,
  metadata: BookMetadata | null,
): BookFacts {
  return {
    ...(flags.kind === null || flags.kind === undefined ? {} : { kind: checkedKind(flags.kind) }),
    title: pick(flags.title, fileTitle(metadata), titleFromName(stem)) ?? '',
    author: pick(flags.author, firstAuthor(metadata)),
    publisher: pick(flags.publisher, metadata?.publisher),
    edition: pick(flags.edition),
    year: pick(
      flags.year === undefined || flags.year === null ? null : String(flags.year),
      yearOf(metadata),
      yearFromName(stem),
    ),
    publishDate: metadata?.date ?? null,
    language: pick(flags.language, metadata?.language),
    source: flags.source ?? 'RETAIL',
    extraTags: flags.tags ?? [],
    isbn: pick(flags.isbn, metadata?.isbn),
    url: pick(flags.url),
    notes: pick(flags.notes),
  };
}

function checkedKind(kind: string): EbookKind {
  const known = EBOOK_KINDS.find((k) => k === kind.toLowerCase());
  if (known === undefined) {
    const message = `"${kind}" is not an eBOOK kind (${EBOOK_KINDS.join(', ')})`;
    throw validationError([{ path: 'kind', message }], message);
  }
  return known;
}

/** The first value that is a non-empty string, or null. */
function pick(...values: (string | null | undefined)[]): string | null {
  return (
    values.find((value) => value !== null && value !== undefined && value.trim() !== '') ?? null
  );
}

/** A title the file states itself; a title the extractor took from the name is not one. */
function fileTitle(metadata: BookMetadata | null): string | null {
  return metadata !== null && metadata.titleSource !== 'file_name' ? metadata.title : null;
}

function firstAuthor(metadata: BookMetadata | null): string | null {
  const creators = metadata?.creators ?? [];
  const author = creators.find((c) => c.role === 'aut') ?? creators.find((c) => c.role === null);
  return author?.name ?? null;
}

function yearOf(metadata: BookMetadata | null): string | null {
  return metadata?.year === null || metadata?.year === undefined ? null : String(metadata.year);
}

/** "le_chateau-de-verre-retail" → "le chateau de verre". */
function titleFromName(stem: string): string {
  return stem
    .replace(SOURCE_HINT, '')
    .split(/[ ._-]+/)
    .filter((word) => word !== '')
    .join(' ');
}

function yearFromName(stem: string): string | null {
  return /(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)/.exec(stem)?.[1] ?? null;
}
