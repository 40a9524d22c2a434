/**
 * Extracted metadata → the fields the enrichment merges. A title the extractor made from the
 * file name is only a fallback (any provider's title beats it); authors are the creators credited
 * as authors (or with no role); a video contributes its runtime.
 */
import type { BookFields, BookMetadata, TvFields, VideoMetadata } from '../../metadata/ports.js';

export interface BookFileFields {
  file: BookFields;
  fileFallback: BookFields;
}

export function bookFieldsFromExtracted(meta: BookMetadata): BookFileFields {
  const title = meta.title.trim();
  const weakTitle = meta.titleSource === 'file_name';
  const authors = meta.creators
    .filter((creator) => creator.role === null || creator.role === 'aut')
    .map((creator) => creator.name.trim())
    .filter((name) => name !== '');
  const file: BookFields = dropEmpty({
    title: weakTitle ? undefined : title,
    subtitle: meta.subtitle ?? undefined,
    authors,
    publisher: meta.publisher ?? undefined,
    date: meta.date ?? undefined,
    year: meta.year ?? undefined,
    language: meta.language ?? undefined,
    isbn: meta.isbn ?? undefined,
    pageCount: meta.pageCount ?? undefined,
    description: meta.description ?? undefined,
    subjects: meta.subjects,
    series: meta.series?.name,
    seriesIndex: meta.series?.index ?? undefined,
  });
  return { file, fileFallback: weakTitle && title !== '' ? { title } : {} };
}

export function tvFieldsFromVideo(meta: VideoMetadata): TvFields {
  const seconds = meta.durationSeconds;
  return seconds === null || seconds <= 0 ? {} : { runtimeMinutes: Math.round(seconds / 60) };
}

function dropEmpty<T extends object>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(
      ([, value]) =>
        value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
    ),
  ) as T;
}
