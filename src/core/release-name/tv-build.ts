/**
 * Builds TV release names from the show, the episode, the media facts and the profile (weekly,
 * multi-episode, special, daily, miniseries and feature templates). The episode title is what
 * gives way when a name is too long.
 */
import type { TvProfile } from '../rules/index.js';
import { toNameComponent } from './components.js';
import { COUNTRY_CODES } from './countries-data.js';
import type { BuiltName } from './ebook-build.js';
import { assertGroup } from './group.js';
import { languageTag, resolveLanguage } from './languages.js';
import { assertYear, invalidName, titleRequired } from './name-errors.js';
import { fitToLength } from './shorten.js';
import { chooseTvFormat, type TvMediaFacts } from './tv-format.js';
import { formatTvName, type TvEpisode, type TvNameFields } from './tv-name.js';
import { canonicalTvTags, checkTvTags } from './tv-tags.js';
import { unambiguousTitle } from './tv-tail.js';

export interface TvNameInput {
  show: string;
  /** ISO 3166-1 alpha-2 code of a same-title show from another country (GB is written UK). */
  country?: string | null;
  /** First-season year of a same-title show, or the production year of a feature. */
  year?: number | string | null;
  episode: TvEpisode;
  /** Episode title, guest names (daily) or special title. */
  episodeTitle?: string | null;
  tags?: readonly string[];
  /** ISO 639 code or name; empty means English. */
  language?: string | null;
  media: TvMediaFacts;
  /** HDTV, AHDTV, HR.PDTV, PDTV, APDTV, DSR, ADSR, WEB or WEBRip; inferred when absent. */
  source?: string | null;
  /** Whether the video was re-encoded; inferred from the writing library when absent. */
  transcoded?: boolean | null;
  group: string;
}

export function buildTvName(input: TvNameInput, profile: TvProfile): BuiltName<TvNameFields> {
  const show = toNameComponent(input.show);
  if (show === '') {
    throw titleRequired('show');
  }
  const episode = checkEpisode(input.episode);
  const format = chooseTvFormat(input, profile);
  const fields: TvNameFields = {
    show,
    country: tvCountry(input.country, profile),
    year: tvYear(input.year, episode),
    episode,
    title: null,
    tags: tvTags(input.tags ?? [], profile),
    language: tvLanguage(input.language, profile),
    resolution: format.resolution,
    source: format.source,
    codec: profile.naming.featureIncludesCodec || episode.kind !== 'feature' ? format.codec : null,
    group: assertGroup(input.group.trim(), profile),
  };
  const title = unambiguousTitle(toNameComponent(input.episodeTitle ?? ''));
  const render = (t: string) =>
    formatTvName({ ...fields, title: t === '' ? null : t }, profile.naming);
  const parts = { lead: null, title, trail: null, titleOptional: true };
  const fitted = fitToLength(parts, render, profile.naming.maxLength);
  const done = { ...fields, title: fitted.head === '' ? null : fitted.head };
  return {
    name: formatTvName(done, profile.naming),
    fields: done,
    fullTitle: (input.episodeTitle ?? '').trim(),
    titleShortened: fitted.titleShortened,
  };
}

function checkEpisode(episode: TvEpisode): TvEpisode {
  switch (episode.kind) {
    case 'episode':
      assertNumbers([episode.season ?? 0, ...episode.episodes], 'episode');
      if (episode.episodes.length === 0 || !ascending(episode.episodes)) {
        throw invalidName('episode', 'Episodes must be listed once each, in increasing order');
      }
      if (episode.suffix !== null && !/^[A-Za-z]$/.test(episode.suffix)) {
        throw invalidName('episode', 'An episode part is one letter (S02E01A)');
      }
      return episode;
    case 'special':
      assertNumbers([episode.season], 'season');
      return episode;
    case 'daily':
      return { kind: 'daily', date: assertDate(episode.date) };
    case 'miniseries':
      assertNumbers([episode.part - 1], 'part');
      return episode;
    case 'feature':
      return episode;
  }
}

function assertNumbers(values: readonly number[], field: string): void {
  if (!values.every((n) => Number.isInteger(n) && n >= 0 && n < 10_000)) {
    throw invalidName(field, `The ${field} number must be a whole number from 0 to 9999`);
  }
}

function ascending(values: readonly number[]): boolean {
  return values.every((n, i) => i === 0 || n > (values[i - 1] ?? n));
}

function assertDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const parsed =
    match === null ? NaN : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const valid = match !== null && new Date(parsed).toISOString().slice(0, 10) === match[0];
  if (!valid) {
    throw invalidName('episode', `Air date "${date}" is not a calendar date YYYY-MM-DD`);
  }
  assertYear(match[1]);
  return match[0];
}

function tvYear(input: number | string | null | undefined, episode: TvEpisode): number | null {
  const absent = input === null || input === undefined || String(input).trim() === '';
  if (absent && episode.kind !== 'feature') {
    return null;
  }
  // Single-episode titles (features) must carry their production year.
  return assertYear(input);
}

function tvCountry(input: string | null | undefined, profile: TvProfile): string | null {
  const code = (input ?? '').trim().toUpperCase();
  if (code === '') {
    return null;
  }
  const written = profile.naming.countryAliases[code] ?? code;
  if (!/^[A-Z]{2}$/.test(written) || !COUNTRY_CODES.has(written)) {
    throw invalidName('country', `"${input ?? ''}" is not an ISO 3166-1 alpha-2 country code`);
  }
  return written;
}

function tvTags(tags: readonly string[], profile: TvProfile): string[] {
  const canonical = canonicalTvTags(tags, profile.naming);
  const [problem] = checkTvTags(canonical, profile.naming);
  if (problem !== undefined) {
    throw invalidName('tags', problem.message);
  }
  return canonical;
}

function tvLanguage(input: string | null | undefined, profile: TvProfile): string | null {
  const text = (input ?? '').trim();
  if (text === '') {
    return null;
  }
  const language = resolveLanguage(text);
  if (language !== null) {
    return languageTag(language, profile.naming.languageStyle);
  }
  // Established short forms (PLDUB, SWESUB …) only when written exactly as the rules do.
  if (profile.naming.languageShortForms.includes(text)) {
    return text;
  }
  throw invalidName('language', `Language "${text}" is not a known ISO 639 code or name`);
}
