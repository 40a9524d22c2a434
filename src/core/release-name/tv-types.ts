/** The fields of a TV release name (see tv-name.ts for the text form). */
export type TvEpisode =
  | { kind: 'episode'; season: number | null; episodes: number[]; suffix: string | null }
  | { kind: 'special'; season: number }
  | { kind: 'daily'; date: string }
  | { kind: 'miniseries'; part: number }
  | { kind: 'feature' };

export interface TvNameFields {
  show: string;
  country: string | null;
  /** Disambiguation year of a show, or the production year of a feature. */
  year: number | null;
  episode: TvEpisode;
  /** Episode title, guest names or special title, dotted. */
  title: string | null;
  tags: string[];
  language: string | null;
  resolution: string | null;
  source: string;
  codec: string | null;
  group: string;
}
