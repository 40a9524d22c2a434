/** Google Books volumes → BookFields (metadata-apis.md §2, §6). */
import type { BookFields } from '../../ports.js';
import { compact, isoDate, isRecord, list, nonEmpty, text, texts, yearOf } from '../shared/json.js';
import { firstIsbn, https, language, plainText, positiveInt } from '../shared/normalise.js';
import type { RawImageLinks, RawVolume, RawVolumeInfo } from './raw.js';

const MAX_SUBJECTS = 10;
/** Largest first: only the volume record carries the sizes above `thumbnail`. */
const IMAGE_SIZES: (keyof RawImageLinks)[] = [
  'extraLarge',
  'large',
  'medium',
  'small',
  'thumbnail',
  'smallThumbnail',
];

export function mapVolume(volume: RawVolume): BookFields {
  const info: RawVolumeInfo = isRecord(volume.volumeInfo) ? volume.volumeInfo : {};
  return compact({
    title: text(info.title),
    subtitle: text(info.subtitle),
    authors: nonEmpty(texts(info.authors)),
    publisher: text(info.publisher),
    date: isoDate(info.publishedDate),
    year: yearOf(info.publishedDate),
    language: language(info.language),
    isbn: firstIsbn(identifiers(info, 'ISBN_13'), identifiers(info, 'ISBN_10')),
    pageCount: positiveInt(info.pageCount),
    description: plainText(info.description),
    subjects: subjects(info.categories),
    coverUrl: cover(info.imageLinks),
    gbid: text(volume.id),
  });
}

function identifiers(info: RawVolumeInfo, type: 'ISBN_10' | 'ISBN_13'): string[] {
  return list(info.industryIdentifiers).flatMap((item) =>
    isRecord(item) && item.type === type && typeof item.identifier === 'string'
      ? [item.identifier]
      : [],
  );
}

/** "Fiction / Science Fiction / General" → Fiction, Science Fiction (without "General"). */
function subjects(categories: unknown): string[] | undefined {
  const parts = texts(categories).flatMap((category) => category.split('/'));
  return nonEmpty(
    texts(parts.filter((part) => part.trim().toLowerCase() !== 'general')).slice(0, MAX_SUBJECTS),
  );
}

/** The largest image, over https and without the page-curl effect. */
function cover(links: RawImageLinks | undefined): string | undefined {
  if (!isRecord(links)) {
    return undefined;
  }
  const best = IMAGE_SIZES.map((size) => text(links[size])).find((url) => url !== undefined);
  return https(best?.replace(/&edge=curl/g, ''));
}
