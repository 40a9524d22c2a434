/**
 * OMDb JSON as it is sent (metadata-apis.md §3): every value a string, `"N/A"` for absent,
 * `Year` a range with an en dash for series ("2008–2013", "2019–"), `Released` as `DD Mon YYYY`.
 */

export interface RawRating {
  /** "Internet Movie Database", "Rotten Tomatoes", "Metacritic". */
  Source: string;
  Value: string;
}

export interface RawTitle {
  Title: string;
  Year: string;
  Rated?: string;
  Released?: string;
  Runtime?: string;
  Genre?: string;
  Director?: string;
  Writer?: string;
  Actors?: string;
  Plot?: string;
  Language?: string;
  Country?: string;
  Awards?: string;
  Poster?: string;
  Ratings?: RawRating[];
  Metascore?: string;
  imdbRating?: string;
  imdbVotes?: string;
  imdbID: string;
  /** `movie`, `series`, `episode` (`game` in searches). */
  Type: string;
  Response: 'True';
}

export interface RawSeries extends RawTitle {
  Type: 'series';
  totalSeasons?: string;
}

export interface RawEpisode extends RawTitle {
  Type: 'episode';
  Season: string;
  Episode: string;
  seriesID: string;
}

/** Errors, with HTTP 200 except for key and quota problems (401). */
export interface RawError {
  Response: 'False';
  Error: string;
}
