/**
 * The episode marker of a TV name and the tokens it spans: SxxExx (with -Exx, Exx, a part letter),
 * NxNN, Exx without a season, Special.SxxE00, YYYY.MM.DD and Part.N / PartN. It is the first
 * marker after at least one show token.
 */
import type { TvEpisode } from './tv-types.js';
import { TV_VOCABULARY } from './vocabulary.js';

export interface Marker {
  start: number;
  end: number;
  episode: TvEpisode;
}

const SEASON_EPISODE = /^S(\d{2,})E(\d{2,})((?:-?E\d{2,})*)([A-Za-z])?$/i;
const CROSS = /^(\d{1,3})x(\d{2,4})$/i;
const EPISODE_ONLY = /^E(\d{2,})([A-Za-z])?$/i;
const PART_JOINED = /^Part(\d+)$/i;
const YEAR = /^(19|20)\d{2}$/;
const MONTH = /^(0[1-9]|1[0-2])$/;
const DAY = /^(0[1-9]|[12]\d|3[01])$/;

export function findEpisodeMarker(tokens: readonly string[]): Marker | null {
  for (let i = 1; i < tokens.length; i += 1) {
    const found = markerAt(tokens, i);
    if (found !== null) {
      return found;
    }
  }
  return null;
}

function markerAt(tokens: readonly string[], i: number): Marker | null {
  const token = tokens[i] ?? '';
  const episode = seasonEpisode(token) ?? crossEpisode(token) ?? episodeOnly(token);
  if (episode !== null) {
    return asSpecial(tokens, i, episode) ?? { start: i, end: i + 1, episode };
  }
  return dailyAt(tokens, i) ?? partAt(tokens, i);
}

function seasonEpisode(token: string): TvEpisode | null {
  const match = SEASON_EPISODE.exec(token);
  if (match === null) {
    return null;
  }
  const more = (match[3] ?? '').match(/\d+/g) ?? [];
  return {
    kind: 'episode',
    season: Number(match[1]),
    episodes: [Number(match[2]), ...more.map(Number)],
    suffix: match[4] ?? null,
  };
}

function crossEpisode(token: string): TvEpisode | null {
  const match = CROSS.exec(token);
  if (match === null) {
    return null;
  }
  return { kind: 'episode', season: Number(match[1]), episodes: [Number(match[2])], suffix: null };
}

function episodeOnly(token: string): TvEpisode | null {
  const match = EPISODE_ONLY.exec(token);
  if (match === null) {
    return null;
  }
  return { kind: 'episode', season: null, episodes: [Number(match[1])], suffix: match[2] ?? null };
}

/** `Show.Special.S01E00`: the marker word belongs to the episode, not to the show. */
function asSpecial(tokens: readonly string[], i: number, episode: TvEpisode): Marker | null {
  const before = tokens[i - 1] ?? '';
  const isSpecial =
    i >= 2 &&
    TV_VOCABULARY.specialMarkers.has(before.toUpperCase()) &&
    episode.kind === 'episode' &&
    episode.season !== null &&
    episode.episodes.length === 1 &&
    episode.episodes[0] === 0 &&
    episode.suffix === null;
  if (!isSpecial || episode.season === null) {
    return null;
  }
  return { start: i - 1, end: i + 1, episode: { kind: 'special', season: episode.season } };
}

function dailyAt(tokens: readonly string[], i: number): Marker | null {
  const [year = '', month = '', day = ''] = tokens.slice(i, i + 3);
  if (!YEAR.test(year) || !MONTH.test(month) || !DAY.test(day)) {
    return null;
  }
  return { start: i, end: i + 3, episode: { kind: 'daily', date: `${year}-${month}-${day}` } };
}

function partAt(tokens: readonly string[], i: number): Marker | null {
  const token = tokens[i] ?? '';
  const joined = PART_JOINED.exec(token);
  if (joined !== null) {
    return { start: i, end: i + 1, episode: { kind: 'miniseries', part: Number(joined[1]) } };
  }
  const next = tokens[i + 1] ?? '';
  if (/^Part$/i.test(token) && /^\d+$/.test(next)) {
    return { start: i, end: i + 2, episode: { kind: 'miniseries', part: Number(next) } };
  }
  return null;
}
