/**
 * The show and episode a file name or a video title announces, for TV packing without flags:
 * a full scene name goes through the TV name parser; anything else is searched for the usual
 * markers (S01E02, S01E02-E03, 1x02, 2024.01.31, Part 2) with the show before them.
 */
import { nameWords, parseTvName, type TvEpisode } from '../release-name/index.js';

export interface EpisodeGuess {
  show: string;
  episode: TvEpisode;
  episodeTitle: string | null;
}

interface Marker {
  pattern: RegExp;
  episode: (match: RegExpExecArray) => TvEpisode | null;
}

const SEP = '[ ._-]+';

const MARKERS: readonly Marker[] = [
  {
    pattern: new RegExp(
      `^(.*?)${SEP}S(\\d{1,4})E(\\d{1,4})(?:-?E(\\d{1,4}))?(?=$|[ ._-])(.*)$`,
      'i',
    ),
    episode: (m) => ({
      kind: 'episode',
      season: Number(m[2]),
      episodes: m[4] === undefined ? [Number(m[3])] : [Number(m[3]), Number(m[4])],
      suffix: null,
    }),
  },
  {
    pattern: new RegExp(`^(.*?)${SEP}(\\d{1,2})x(\\d{2,3})(?=$|[ ._-])(.*)$`, 'i'),
    episode: (m) => ({
      kind: 'episode',
      season: Number(m[2]),
      episodes: [Number(m[3])],
      suffix: null,
    }),
  },
  {
    pattern: new RegExp(
      `^(.*?)${SEP}((?:19|20)\\d{2})[ ._-](\\d{2})[ ._-](\\d{2})(?=$|[ ._-])(.*)$`,
    ),
    episode: (m) => ({ kind: 'daily', date: `${m[2] ?? ''}-${m[3] ?? ''}-${m[4] ?? ''}` }),
  },
  {
    pattern: new RegExp(`^(.*?)${SEP}Part${SEP.replace('+', '*')}(\\d{1,3})(?=$|[ ._-])(.*)$`, 'i'),
    episode: (m) => ({ kind: 'miniseries', part: Number(m[2]) }),
  },
];

/** The episode of `text` (a file stem or a title), or null when it names none. */
export function guessEpisode(text: string): EpisodeGuess | null {
  const parsed = parseTvName(text.trim());
  if (parsed.ok && parsed.value.episode.kind !== 'feature') {
    return {
      show: nameWords(parsed.value.show),
      episode: parsed.value.episode,
      episodeTitle: parsed.value.title === null ? null : nameWords(parsed.value.title),
    };
  }
  for (const marker of MARKERS) {
    const match = marker.pattern.exec(text.trim());
    const episode = match === null ? null : marker.episode(match);
    const show = words(match?.[1] ?? '');
    if (match !== null && episode !== null && show !== '') {
      return { show, episode, episodeTitle: null };
    }
  }
  return null;
}

/** Parses what a user types for `--episode`: S01E02, 1x02, E05, 2024-01-31, Part 2. */
export function parseEpisodeFlag(text: string): TvEpisode | null {
  const alone = /^E(\d{1,4})$/i.exec(text.trim());
  if (alone !== null) {
    return { kind: 'episode', season: null, episodes: [Number(alone[1])], suffix: null };
  }
  return guessEpisode(`x ${text.trim()}`)?.episode ?? null;
}

function words(text: string): string {
  return text
    .split(/[ ._]+/)
    .filter((word) => word !== '')
    .join(' ')
    .replace(/[ -]+$/, '');
}
