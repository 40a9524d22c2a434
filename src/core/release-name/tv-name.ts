/**
 * TV release names as fields and back (scene-rules.md §2.1 naming, §2.3 naming):
 * `Show.[CC].[YEAR].<episode>.[Title].<TAGS>.[LANGUAGE].[RESOLUTION].<SOURCE>.[CODEC]-GROUP`.
 * The parser reads from both ends: the format, resolution, language and tags from the right,
 * the episode marker from the left, and what lies between is the episode title.
 */
import type { TvProfile } from '../rules/index.js';
import { joinComponents } from './components.js';
import { COUNTRY_CODES } from './countries-data.js';
import type { ParseResult } from './ebook-name.js';
import { splitGroup } from './group.js';
import { findEpisodeMarker } from './tv-marker.js';
import { takeTail } from './tv-tail.js';
import type { TvEpisode, TvNameFields } from './tv-types.js';

export type { TvEpisode, TvNameFields } from './tv-types.js';

type MarkerStyle = Pick<TvProfile['naming'], 'miniseriesStyle' | 'specialMarker'>;

const YEAR = /^(19|20)\d{2}$/;

export function formatTvName(fields: TvNameFields, style: MarkerStyle): string {
  const body = joinComponents([
    fields.show,
    fields.country,
    fields.year === null ? null : String(fields.year),
    episodeMarker(fields.episode, style),
    fields.title,
    ...fields.tags,
    fields.language,
    fields.resolution,
    fields.source,
    fields.codec,
  ]);
  return `${body}-${fields.group}`;
}

export function episodeMarker(episode: TvEpisode, style: MarkerStyle): string | null {
  switch (episode.kind) {
    case 'episode': {
      const [first = 0, ...more] = episode.episodes;
      const season = episode.season === null ? '' : `S${pad(episode.season)}`;
      const rest = more.map((n) => `-E${pad(n)}`).join('');
      return `${season}E${pad(first)}${rest}${episode.suffix ?? ''}`;
    }
    case 'special':
      return `${style.specialMarker}.S${pad(episode.season)}E00`;
    case 'daily':
      return episode.date.replace(/-/g, '.');
    case 'miniseries':
      return style.miniseriesStyle === 'Part.N' ? `Part.${episode.part}` : `Part${episode.part}`;
    case 'feature':
      return null;
  }
}

export function parseTvName(name: string): ParseResult<TvNameFields> {
  const split = splitGroup(name);
  if (split === null) {
    return { ok: false, reason: 'the name does not end with -GROUP' };
  }
  const tokens = split.body.split('.');
  const tail = takeTail(tokens);
  if (tail === null) {
    return { ok: false, reason: 'no source token (WEB, WEBRip, HDTV …) before -GROUP' };
  }
  const front = tokens.slice(0, tail.start);
  const marker = findEpisodeMarker(front);
  const showTokens = marker === null ? front : front.slice(0, marker.start);
  const show = splitShow(showTokens);
  if (show === null) {
    return { ok: false, reason: 'no show name before the episode' };
  }
  if (marker === null && show.year === null) {
    return { ok: false, reason: 'no episode (SxxExx, Exx, YYYY.MM.DD, Part.N) and no year' };
  }
  const titleTokens = marker === null ? [] : front.slice(marker.end);
  const { start: _start, ...tailFields } = tail;
  return {
    ok: true,
    value: {
      ...show,
      episode: marker?.episode ?? { kind: 'feature' },
      title: titleTokens.length > 0 ? titleTokens.join('.') : null,
      ...tailFields,
      group: split.group,
    },
  };
}

interface ShowPart {
  show: string;
  country: string | null;
  year: number | null;
}

/** `Show.Name.[CC].[YEAR]`: the country and year only count when a name remains before them. */
function splitShow(tokens: string[]): ShowPart | null {
  const rest = [...tokens];
  let year: number | null = null;
  let country: string | null = null;
  if (rest.length > 1 && YEAR.test(rest[rest.length - 1] ?? '')) {
    year = Number(rest.pop());
  }
  const last = rest[rest.length - 1] ?? '';
  if (rest.length > 1 && /^[A-Z]{2}$/.test(last) && COUNTRY_CODES.has(last)) {
    country = last;
    rest.pop();
  }
  const show = rest.join('.');
  return show === '' ? null : { show, country, year };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
