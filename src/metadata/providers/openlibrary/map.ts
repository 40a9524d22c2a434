/** OpenLibrary records → BookFields (metadata-apis.md §1, §6). */
import type { BookFields } from '../../ports.js';
import { compact, isoDate, isRecord, list, nonEmpty, text, texts, yearOf } from '../shared/json.js';
import { firstIsbn, language, positiveInt } from '../shared/normalise.js';
import type { RawAuthor, RawEdition, RawSearchDoc, RawText, RawWork } from './raw.js';

const COVERS = 'https://covers.openlibrary.org/b/id';
const MAX_SUBJECTS = 10;

export function mapEdition(
  edition: RawEdition,
  work: RawWork | undefined,
  authors: readonly RawAuthor[],
): BookFields {
  return compact({
    title: text(edition.title),
    subtitle: text(edition.subtitle),
    authors: nonEmpty(authorNames(authors)),
    publisher: texts(edition.publishers)[0],
    date: isoDate(edition.publish_date),
    year: yearOf(edition.publish_date) ?? yearOf(work?.first_publish_date),
    language: languageOf(edition),
    isbn: firstIsbn(list(edition.isbn_13), list(edition.isbn_10)),
    pageCount: positiveInt(edition.number_of_pages),
    description: describe(edition.description) ?? describe(work?.description),
    subjects: subjectsOf(work?.subjects ?? edition.subjects),
    coverUrl: coverUrl(edition.covers) ?? coverUrl(work?.covers),
    olid: idOf(edition.key),
  });
}

/** A work alone (an `olid:` pin on a work): no edition data such as publisher or ISBN. */
export function mapWork(work: RawWork, authors: readonly RawAuthor[]): BookFields {
  return compact({
    title: text(work.title),
    authors: nonEmpty(authorNames(authors)),
    year: yearOf(work.first_publish_date),
    description: describe(work.description),
    subjects: subjectsOf(work.subjects),
    coverUrl: coverUrl(work.covers),
    olid: idOf(work.key),
  });
}

export function mapSearchDoc(doc: RawSearchDoc, work: RawWork | undefined): BookFields {
  const languages = texts(doc.language);
  return compact({
    title: text(doc.title),
    authors: nonEmpty(texts(doc.author_name)),
    publisher: texts(doc.publisher)[0],
    year: typeof doc.first_publish_year === 'number' ? doc.first_publish_year : undefined,
    // The list covers every edition; one language only says something about the book.
    language: languages.length === 1 ? language(languages[0]) : undefined,
    isbn: firstIsbn(
      list(doc.isbn).filter((isbn) => String(isbn).length === 13),
      list(doc.isbn),
    ),
    pageCount: positiveInt(doc.number_of_pages_median),
    description: describe(work?.description),
    subjects: subjectsOf(doc.subject ?? work?.subjects),
    coverUrl: coverUrl(doc.cover_i === undefined ? undefined : [doc.cover_i]),
    olid: text(doc.cover_edition_key) ?? idOf(doc.key),
  });
}

/** Author keys of an edition, else of its work (wrapped in `author` there). */
export function authorKeys(edition: RawEdition | undefined, work: RawWork | undefined): string[] {
  const fromEdition = list(edition?.authors).flatMap((ref) =>
    isRecord(ref) && typeof ref.key === 'string' ? [ref.key] : [],
  );
  if (fromEdition.length > 0) {
    return fromEdition;
  }
  return list(work?.authors).flatMap((role) =>
    isRecord(role) && isRecord(role.author) && typeof role.author.key === 'string'
      ? [role.author.key]
      : [],
  );
}

/** The first work key of an edition (`/works/OL893415W`). */
export function workKey(edition: RawEdition): string | undefined {
  const first = list(edition.works)[0];
  return isRecord(first) ? text(first.key) : undefined;
}

function authorNames(authors: readonly RawAuthor[]): string[] {
  return texts(authors.map((author) => author.name ?? author.personal_name));
}

function languageOf(edition: RawEdition): string | undefined {
  const first = list(edition.languages)[0];
  const key = isRecord(first) ? text(first.key) : undefined;
  return language(key?.replace(/^\/languages\//, ''));
}

function describe(value: RawText | undefined): string | undefined {
  return isRecord(value) ? text(value.value) : text(value);
}

function subjectsOf(subjects: unknown): string[] | undefined {
  return nonEmpty(texts(subjects).slice(0, MAX_SUBJECTS));
}

/** OpenLibrary marks a missing cover with -1 in `covers`. */
function coverUrl(covers: readonly number[] | undefined): string | undefined {
  const id = list(covers).find((cover): cover is number => typeof cover === 'number' && cover > 0);
  return id === undefined ? undefined : `${COVERS}/${String(id)}-L.jpg`;
}

function idOf(key: unknown): string | undefined {
  return text(key)?.replace(/^\/(books|works|authors)\//, '');
}
