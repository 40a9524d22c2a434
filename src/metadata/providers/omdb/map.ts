/** OMDb records → TvFields: "N/A" is absent, dates and runtimes are parsed from OMDb's text. */
import type { TvFields } from '../../ports.js';
import { compact, nonEmpty, num, text, yearOf } from '../shared/json.js';
import { language } from '../shared/normalise.js';
import type { RawEpisode, RawSeries } from './raw.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function mapSeries(series: RawSeries): TvFields {
  return compact({
    seriesTitle: value(series.Title),
    year: yearOf(value(series.Year)),
    firstAired: releasedDate(series.Released),
    seriesOverview: value(series.Plot),
    genres: nonEmpty(list(series.Genre)),
    language: language(list(series.Language)[0]),
    posterUrl: value(series.Poster),
    imdbRating: num(value(series.imdbRating)),
    imdbId: value(series.imdbID),
  });
}

export function mapEpisode(episode: RawEpisode): TvFields {
  return compact({
    season: num(value(episode.Season)),
    episode: num(value(episode.Episode)),
    episodeTitle: value(episode.Title),
    aired: releasedDate(episode.Released),
    episodeOverview: value(episode.Plot),
    runtimeMinutes: minutes(episode.Runtime),
    imdbRating: num(value(episode.imdbRating)),
    imdbEpisodeId: value(episode.imdbID),
    imdbId: value(episode.seriesID),
  });
}

/** The string, unless it is blank or OMDb's "N/A". */
export function value(raw: unknown): string | undefined {
  const present = text(raw);
  return present === 'N/A' ? undefined : present;
}

/** "Crime, Drama, Thriller" → a list. */
function list(raw: unknown): string[] {
  return (value(raw) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '' && item !== 'N/A');
}

/** "20 Jan 2008" → "2008-01-20" (the top-level form; season lists use ISO already). */
export function releasedDate(raw: unknown): string | undefined {
  const released = value(raw);
  const match = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/.exec(released ?? '');
  if (match) {
    const month = MONTHS.indexOf((match[2] ?? '').toLowerCase()) + 1;
    return month === 0 ? undefined : `${match[3]}-${pad(month)}-${pad(Number(match[1]))}`;
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(released ?? '') ? released : undefined;
}

/** "58 min" → 58. */
function minutes(raw: unknown): number | undefined {
  const match = /^(\d+)\s*min/i.exec(value(raw) ?? '');
  return match ? Number(match[1]) : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
