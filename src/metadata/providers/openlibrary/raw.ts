/**
 * OpenLibrary's JSON as it is sent (metadata-apis.md §1). Only `key` and `title` are dependable;
 * everything else may be missing, and `description`/`notes` come as a plain string or as
 * `{"type": "/type/text", "value": …}`.
 */

export interface RawKeyRef {
  key: string;
}

export type RawText = string | { type: '/type/text'; value: string };

export interface RawDateTime {
  type: '/type/datetime';
  value: string;
}

/** `/books/{OLID}M.json`, also reached through the `/isbn/{isbn}.json` redirect. */
export interface RawEdition {
  key: string;
  type: RawKeyRef;
  title: string;
  subtitle?: string;
  /** Only keys here; names need `/authors/{id}.json`. Some editions have `by_statement` instead. */
  authors?: RawKeyRef[];
  by_statement?: string;
  works: RawKeyRef[];
  publishers?: string[];
  /** Free text: "1990", "March 1990", "December 31, 1994". */
  publish_date?: string;
  publish_places?: string[];
  number_of_pages?: number;
  pagination?: string;
  physical_format?: string;
  isbn_10?: string[];
  isbn_13?: string[];
  /** `{"key": "/languages/eng"}`: MARC codes. */
  languages?: RawKeyRef[];
  covers?: number[];
  identifiers?: Record<string, string[]>;
  subjects?: string[];
  description?: RawText;
  notes?: RawText;
  source_records?: string[];
  latest_revision?: number;
  revision: number;
  created?: RawDateTime;
  last_modified: RawDateTime;
}

/** `/works/{OLID}W.json`: the authors are wrapped in `author`, unlike an edition's. */
export interface RawWork {
  key: string;
  type: RawKeyRef;
  title: string;
  authors?: { author: RawKeyRef; type?: RawKeyRef }[];
  description?: RawText;
  subjects?: string[];
  first_publish_date?: string;
  covers?: number[];
  revision: number;
  last_modified: RawDateTime;
}

/** `/authors/{OLID}A.json`. */
export interface RawAuthor {
  key: string;
  type: RawKeyRef;
  name?: string;
  personal_name?: string;
  birth_date?: string;
  death_date?: string;
  bio?: RawText;
  alternate_names?: string[];
  remote_ids?: Record<string, string>;
  photos?: number[];
  revision: number;
  last_modified: RawDateTime;
}

/** One work of `/search.json`; the fields depend on `fields=`. */
export interface RawSearchDoc {
  key: string;
  title?: string;
  author_name?: string[];
  /** Bare ids (`OL79034A`), not paths. */
  author_key?: string[];
  first_publish_year?: number;
  edition_count?: number;
  cover_i?: number;
  cover_edition_key?: string;
  /** MARC codes of every edition's language. */
  language?: string[];
  /** Unhyphenated, ISBN-10 and ISBN-13 mixed. */
  isbn?: string[];
  publisher?: string[];
  number_of_pages_median?: number;
  subject?: string[];
  has_fulltext?: boolean;
  ebook_access?: string;
}

export interface RawSearch {
  numFound: number;
  start: number;
  numFoundExact: boolean;
  num_found: number;
  q: string;
  offset: number | null;
  documentation_url: string;
  docs: RawSearchDoc[];
}

/** Unknown key: 404 (sometimes 200) with this body. */
export interface RawNotFound {
  error: 'notfound';
  key: string;
}

/** 429 from the nginx front end. */
export interface RawTooManyRequests {
  status: 429;
  message: string;
}
