/**
 * TheTVDB records → TvFields. Names and overviews are taken in English: the `eng` translation,
 * else the record itself when its original language is English, else the search hit's English
 * translation — never the raw name of a non-English original (metadata-apis.md §7.3).
 */
import type { TvFields } from '../../ports.js';
import {
  compact,
  idText,
  isoDate,
  isRecord,
  list,
  nonEmpty,
  num,
  text,
  texts,
  yearOf,
} from '../shared/json.js';
import { comparableTitle, language, positiveInt } from '../shared/normalise.js';
import type {
  RawArtwork,
  RawEpisode,
  RawEpisodeExtended,
  RawRemoteId,
  RawSearchResult,
  RawSeriesExtended,
  RawTranslations,
} from './raw.js';

const ENGLISH = 'eng';
const POSTER = 2;

export function mapSeries(series: RawSeriesExtended, hit?: RawSearchResult): TvFields {
  const english = series.originalLanguage === ENGLISH;
  return compact({
    seriesTitle:
      translated(series.translations, 'name') ??
      (english ? text(series.name) : undefined) ??
      text(hit?.translations?.[ENGLISH]),
    year: num(series.year) ?? yearOf(series.firstAired),
    firstAired: isoDate(series.firstAired),
    seriesOverview:
      translated(series.translations, 'overview') ?? (english ? text(series.overview) : undefined),
    network: text(series.originalNetwork?.name) ?? text(series.latestNetwork?.name),
    genres: nonEmpty(
      texts(list(series.genres).map((genre) => (isRecord(genre) ? genre.name : undefined))),
    ),
    status: text(series.status?.name),
    language: language(series.originalLanguage),
    posterUrl: text(series.image) ?? bestPoster(series.artworks),
    tvdbId: idText(series.id),
    imdbId: remoteId(series.remoteIds, 'IMDB'),
    tmdbId: remoteId(series.remoteIds, 'TheMovieDB.com'),
  });
}

export function mapEpisode(
  episode: RawEpisode,
  extended: RawEpisodeExtended | undefined,
  originalLanguage: string | undefined,
): TvFields {
  const english = originalLanguage === ENGLISH;
  return compact({
    season: typeof episode.seasonNumber === 'number' ? episode.seasonNumber : undefined,
    episode: typeof episode.number === 'number' ? episode.number : undefined,
    episodeTitle:
      translated(extended?.translations, 'name') ?? (english ? text(episode.name) : undefined),
    aired: isoDate(episode.aired),
    episodeOverview:
      translated(extended?.translations, 'overview') ??
      (english ? text(episode.overview) : undefined),
    runtimeMinutes: positiveInt(episode.runtime),
    tvdbEpisodeId: idText(episode.id),
    imdbEpisodeId: remoteId(extended?.remoteIds, 'IMDB'),
  });
}

/**
 * The search hit that is the asked series: its name or an English translation first, an alias
 * second, the provider's order last; the year (when known) breaks ties within a tier.
 */
export function bestHit(
  hits: readonly RawSearchResult[],
  title: string,
  year: number | null | undefined,
): RawSearchResult | undefined {
  const wanted = comparableTitle(title);
  const matches = (names: unknown[]): boolean =>
    names.some((name) => typeof name === 'string' && comparableTitle(name) === wanted);
  const byName = hits.filter((hit) =>
    matches([hit.name, ...Object.values(hit.translations ?? {})]),
  );
  const byAlias = hits.filter((hit) => matches(list(hit.aliases)));
  const pool = [byName, byAlias, hits].find((tier) => tier.length > 0) ?? [];
  return (
    pool.find((hit) => year !== null && year !== undefined && num(hit.year) === year) ?? pool[0]
  );
}

function translated(
  translations: RawTranslations | undefined,
  field: 'name' | 'overview',
): string | undefined {
  const entries =
    field === 'name' ? translations?.nameTranslations : translations?.overviewTranslations;
  const entry = list(entries).find((item) => isRecord(item) && item.language === ENGLISH);
  return isRecord(entry) ? text(entry[field]) : undefined;
}

function bestPoster(artworks: readonly RawArtwork[] | undefined): string | undefined {
  const posters = list(artworks).filter(
    (art): art is RawArtwork =>
      isRecord(art) && art.type === POSTER && typeof art.image === 'string',
  );
  posters.sort((a, b) => (b.score || 0) - (a.score || 0));
  return text(posters[0]?.image);
}

function remoteId(ids: readonly RawRemoteId[] | undefined, source: string): string | undefined {
  const found = list(ids).find((item) => isRecord(item) && item.sourceName === source);
  return isRecord(found) ? idText(found.id) : undefined;
}
