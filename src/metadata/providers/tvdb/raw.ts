/**
 * TheTVDB v4 JSON as it is sent (metadata-apis.md §4). Ids in search results are strings (prefer
 * `tvdb_id`), elsewhere numbers. Dates are `YYYY-MM-DD` or `""`; `name` and `overview` are in the
 * series' original language; language and country codes have three letters.
 */

export interface RawEnvelope<T> {
  status: 'success';
  data: T;
  links?: RawLinks;
}

export interface RawFailure {
  status: 'failure';
  message: string;
  data: null;
}

export interface RawLinks {
  prev: string | null;
  self: string | null;
  next: string | null;
  total_items: number;
  page_size: number;
}

export interface RawLogin {
  token: string;
}

export interface RawRemoteId {
  id: string;
  /** 2 = IMDB, 12 = TheMovieDB.com. */
  type: number;
  sourceName: string;
}

export interface RawSearchResult {
  objectID?: string;
  /** Prefixed with the type: `series-81189`. */
  id?: string;
  tvdb_id?: string;
  type?: string;
  name?: string;
  slug?: string;
  year?: string;
  first_air_time?: string;
  status?: string;
  country?: string;
  primary_language?: string;
  network?: string;
  genres?: string[];
  overview?: string;
  overviews?: Record<string, string>;
  translations?: Record<string, string>;
  aliases?: string[];
  image_url?: string;
  thumbnail?: string;
  remote_ids?: RawRemoteId[];
}

export interface RawNamed {
  id: number;
  name: string;
  slug?: string;
}

export interface RawNetwork extends RawNamed {
  country?: string;
  primaryCompanyType?: number;
}

export interface RawArtwork {
  id: number;
  image: string;
  thumbnail?: string;
  language?: string | null;
  /** 2 = series poster. */
  type: number;
  score: number;
  width?: number;
  height?: number;
  includesText?: boolean;
}

/** `translations` as sent with `meta=translations`. */
export interface RawTranslations {
  nameTranslations?: { language: string; name: string | null; isPrimary?: boolean }[];
  overviewTranslations?: { language: string; overview: string | null; isPrimary?: boolean }[];
}

export interface RawSeriesBase {
  id: number;
  name: string;
  slug?: string;
  image?: string | null;
  firstAired?: string;
  lastAired?: string;
  nextAired?: string;
  year?: string;
  /** Popularity, not a rating. */
  score?: number;
  status?: { id: number; name: string; recordType?: string; keepUpdated?: boolean };
  originalCountry?: string;
  originalLanguage?: string;
  defaultSeasonType?: number;
  isOrderRandomized?: boolean;
  averageRuntime?: number | null;
  overview?: string;
  nameTranslations?: string[];
  overviewTranslations?: string[];
  aliases?: { language: string; name: string }[];
  lastUpdated?: string;
}

/** `/series/{id}/extended?meta=translations&short=true`. */
export interface RawSeriesExtended extends RawSeriesBase {
  genres?: RawNamed[];
  originalNetwork?: RawNetwork | null;
  latestNetwork?: RawNetwork | null;
  companies?: unknown[];
  contentRatings?: { id: number; name: string; country: string }[];
  remoteIds?: RawRemoteId[];
  seasonTypes?: { id: number; name: string; type: string; alternateName: string | null }[];
  seasons?: { id: number; seriesId: number; number: number; image?: string }[];
  artworks?: RawArtwork[];
  characters?: unknown[] | null;
  episodes?: RawEpisode[] | null;
  translations?: RawTranslations;
}

export interface RawEpisode {
  id: number;
  seriesId: number;
  name: string | null;
  aired?: string | null;
  runtime?: number | null;
  nameTranslations?: string[];
  overview?: string | null;
  overviewTranslations?: string[];
  image?: string | null;
  imageType?: number | null;
  isMovie?: number;
  number: number;
  absoluteNumber?: number;
  seasonNumber: number;
  finaleType?: string | null;
  lastUpdated?: string;
  year?: string;
}

/** `/series/{id}/episodes/default?page=0&season=N&episodeNumber=M`. */
export interface RawSeriesEpisodes {
  series: RawSeriesBase;
  episodes: RawEpisode[];
}

/** `/episodes/{id}/extended?meta=translations`. */
export interface RawEpisodeExtended extends RawEpisode {
  airsBeforeSeason?: number | null;
  productionCode?: string;
  networks?: RawNetwork[];
  remoteIds?: RawRemoteId[];
  translations?: RawTranslations;
}

/** `/search/remoteid/{id}`: one wrapper per matching record type. */
export type RawRemoteIdResult = { series?: RawSeriesBase; episode?: RawEpisode }[];
