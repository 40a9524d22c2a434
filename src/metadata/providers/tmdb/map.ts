/** TMDb records → TvFields (metadata-apis.md §5, §6). */
import type { TvFields } from '../../ports.js';
import {
  compact,
  idText,
  isoDate,
  isRecord,
  list,
  nonEmpty,
  text,
  texts,
  yearOf,
} from '../shared/json.js';
import { comparableTitle, language, positiveInt } from '../shared/normalise.js';
import type { RawConfiguration, RawEpisode, RawTvDetails, RawTvSearchResult } from './raw.js';

/** Used when `/configuration` cannot be read; TMDb's image host has not changed in years. */
const FALLBACK_IMAGE_BASE = 'https://image.tmdb.org/t/p/';
const POSTER_SIZE = 'w500';

export function mapTv(tv: RawTvDetails, configuration: RawConfiguration | undefined): TvFields {
  return compact({
    seriesTitle: text(tv.name),
    year: yearOf(tv.first_air_date),
    firstAired: isoDate(tv.first_air_date),
    seriesOverview: text(tv.overview),
    network: list(tv.networks).map((network) =>
      isRecord(network) ? text(network.name) : undefined,
    )[0],
    genres: nonEmpty(
      texts(list(tv.genres).map((genre) => (isRecord(genre) ? genre.name : undefined))),
    ),
    status: text(tv.status),
    language: language(tv.original_language),
    posterUrl: posterUrl(tv.poster_path, configuration),
    tmdbRating: rating(tv.vote_average, tv.vote_count),
    tmdbId: idText(tv.id),
    imdbId: text(tv.external_ids?.imdb_id),
    tvdbId: idText(tv.external_ids?.tvdb_id),
  });
}

export function mapEpisode(episode: RawEpisode): TvFields {
  return compact({
    season: typeof episode.season_number === 'number' ? episode.season_number : undefined,
    episode: typeof episode.episode_number === 'number' ? episode.episode_number : undefined,
    episodeTitle: text(episode.name),
    aired: isoDate(episode.air_date),
    episodeOverview: text(episode.overview),
    runtimeMinutes: positiveInt(episode.runtime),
    tmdbRating: rating(episode.vote_average, episode.vote_count),
    tmdbEpisodeId: idText(episode.id),
    imdbEpisodeId: text(episode.external_ids?.imdb_id),
    tvdbEpisodeId: idText(episode.external_ids?.tvdb_id),
  });
}

/** The result named as asked (name or original name), then by first-air year, else the first. */
export function bestResult(
  results: readonly RawTvSearchResult[],
  title: string,
  year: number | null | undefined,
): RawTvSearchResult | undefined {
  const wanted = comparableTitle(title);
  const named = results.filter((result) =>
    [result.name, result.original_name].some(
      (name) => typeof name === 'string' && comparableTitle(name) === wanted,
    ),
  );
  const pool = named.length > 0 ? named : results;
  return (
    pool.find(
      (result) => year !== null && year !== undefined && yearOf(result.first_air_date) === year,
    ) ?? pool[0]
  );
}

/** `secure_base_url + size + path`, w500 when offered, else the largest size. */
function posterUrl(
  path: string | null | undefined,
  configuration: RawConfiguration | undefined,
): string | undefined {
  const file = text(path);
  if (file === undefined) {
    return undefined;
  }
  const images = isRecord(configuration?.images) ? configuration.images : undefined;
  const base = text(images?.secure_base_url) ?? FALLBACK_IMAGE_BASE;
  const sizes = texts(images?.poster_sizes);
  const size =
    sizes.length === 0 || sizes.includes(POSTER_SIZE) ? POSTER_SIZE : (sizes.at(-1) ?? POSTER_SIZE);
  return `${base.replace(/\/?$/, '/')}${size}${file.startsWith('/') ? file : `/${file}`}`;
}

/** A vote average means nothing without votes (TMDb answers 0 then). */
function rating(average: number | undefined, count: number | undefined): number | undefined {
  return typeof average === 'number' && typeof count === 'number' && count > 0
    ? average
    : undefined;
}
