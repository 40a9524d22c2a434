/**
 * TMDb v3 JSON as it is sent (metadata-apis.md §5). Image fields are paths (`/ztkU….jpg`) to join
 * with `/configuration`'s base URL and a size; dates and runtimes can be null; `external_ids`
 * appears only when `append_to_response=external_ids` was sent.
 */

export interface RawTvSearchResult {
  adult?: boolean;
  backdrop_path?: string | null;
  genre_ids?: number[];
  id: number;
  origin_country?: string[];
  original_language?: string;
  original_name?: string;
  overview?: string;
  popularity?: number;
  poster_path?: string | null;
  /** `YYYY-MM-DD`, or `""` when unknown. */
  first_air_date?: string;
  name: string;
  vote_average?: number;
  vote_count?: number;
}

export interface RawPaged<T> {
  page: number;
  results: T[];
  total_pages: number;
  total_results: number;
}

export interface RawExternalIds {
  id?: number;
  imdb_id?: string | null;
  tvdb_id?: number | null;
  wikidata_id?: string | null;
  freebase_mid?: string | null;
  freebase_id?: string | null;
  tvrage_id?: number | null;
  facebook_id?: string | null;
  instagram_id?: string | null;
  twitter_id?: string | null;
}

export interface RawGenre {
  id: number;
  name: string;
}

export interface RawNetwork {
  id: number;
  logo_path?: string | null;
  name: string;
  origin_country?: string;
}

/** `/3/tv/{id}?append_to_response=external_ids`. */
export interface RawTvDetails {
  id: number;
  name: string;
  original_name?: string;
  first_air_date?: string | null;
  last_air_date?: string | null;
  episode_run_time?: number[];
  genres?: RawGenre[];
  networks?: RawNetwork[];
  created_by?: { id: number; name: string }[];
  number_of_seasons?: number;
  number_of_episodes?: number;
  in_production?: boolean;
  status?: string;
  type?: string;
  tagline?: string;
  overview?: string;
  original_language?: string;
  languages?: string[];
  origin_country?: string[];
  homepage?: string;
  poster_path?: string | null;
  backdrop_path?: string | null;
  popularity?: number;
  vote_average?: number;
  vote_count?: number;
  adult?: boolean;
  external_ids?: RawExternalIds;
}

/** `/3/tv/{id}/season/{s}/episode/{e}?append_to_response=external_ids`. */
export interface RawEpisode {
  id: number;
  name?: string;
  overview?: string;
  air_date?: string | null;
  episode_number: number;
  episode_type?: string;
  season_number: number;
  runtime?: number | null;
  production_code?: string;
  still_path?: string | null;
  vote_average?: number;
  vote_count?: number;
  crew?: { id: number; name: string; job?: string; department?: string }[];
  guest_stars?: { id: number; name: string; character?: string }[];
  external_ids?: RawExternalIds;
}

/** `/3/find/{external_id}?external_source=imdb_id|tvdb_id`. */
export interface RawFind {
  movie_results: unknown[];
  person_results: unknown[];
  tv_results: RawTvSearchResult[];
  tv_episode_results: unknown[];
  tv_season_results: unknown[];
}

/** `/3/configuration`. */
export interface RawConfiguration {
  images: {
    base_url: string;
    secure_base_url: string;
    backdrop_sizes: string[];
    logo_sizes: string[];
    poster_sizes: string[];
    profile_sizes: string[];
    still_sizes: string[];
  };
  change_keys?: string[];
}

/** Every error: `success` first, then TMDb's own code and message. */
export interface RawError {
  success: false;
  status_code: number;
  status_message: string;
}
