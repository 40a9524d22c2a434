/**
 * Template variables from the facts of a release: the names templates use (the earlier tool's
 * `title author publisher year language isbn format release_name group url size md5 sha1`, plus
 * `release_date`, `source`, `disks` and the TV fields), with numbers already formatted. The
 * planner supplies sizes and counts, so the NFO states the final numbers before packing.
 */
import { languageDisplayName, resolveLanguage } from '../release-name/index.js';
import {
  formatBitrate,
  formatChannels,
  formatFps,
  formatMegabytes,
  formatRuntime,
  formatVolumes,
} from './format.js';

export interface DiskFacts {
  count: number;
  /** Size of every volume but the last, in bytes. */
  volumeBytes: number;
}

export interface EbookNfoFacts {
  releaseName: string;
  group: string;
  /** ISO date of the release; a parameter, the core never reads the clock. */
  releaseDate: string;
  title: string;
  author?: string | null;
  publisher?: string | null;
  year: number;
  /** ISO date or year of publication. */
  publishDate?: string | null;
  /** Code or name; shown as a name (French). */
  language?: string | null;
  source: string;
  format: string;
  /** Fiction, Technical, Magazine … */
  kind?: string | null;
  edition?: string | null;
  issue?: string | null;
  isbn?: string | null;
  /** Proof of retail availability (RETAiL). */
  url?: string | null;
  genre?: string | null;
  /** A format outside every scene ruleset, released as iNTERNAL. */
  nonScene?: boolean;
  payload: { fileName?: string | null; bytes: number; md5?: string | null; sha1?: string | null };
  disks: DiskFacts;
  notes?: string | null;
  /** For PROPER/REPACK/fixes: the release replaced and why. */
  fixes?: string | null;
}

export interface AudioTrack {
  codec: string;
  channels: number;
  language?: string | null;
  bitrateKbps?: number | null;
}

export interface TvNfoFacts {
  releaseName: string;
  group: string;
  releaseDate: string;
  show: string;
  season?: number | null;
  episode?: number | null;
  episodeTitle?: string | null;
  airDate?: string | null;
  url?: string | null;
  plot?: string | null;
  genre?: string | null;
  network?: string | null;
  runtimeSeconds: number;
  video: {
    codec: string;
    width: number;
    height: number;
    fps: number;
    bitrateKbps?: number | null;
    sourceBitrateKbps?: number | null;
    aspectRatio?: string | null;
    transcoded?: boolean;
  };
  audio: readonly AudioTrack[];
  /** Subtitle languages; empty for none. */
  subtitles: readonly string[];
  totalBytes: number;
  volumes: DiskFacts;
  notes?: string | null;
  fixes?: string | null;
}

export type NfoVariables = Record<string, string | number | boolean | null | object>;

export function ebookNfoVariables(facts: EbookNfoFacts): NfoVariables {
  return {
    release_name: facts.releaseName,
    group: facts.group,
    release_date: facts.releaseDate,
    title: facts.title,
    full_title: facts.title,
    author: facts.author ?? '',
    publisher: facts.publisher ?? '',
    year: facts.year,
    publish_date: facts.publishDate ?? String(facts.year),
    language: languageName(facts.language),
    source: facts.source,
    format: facts.format.toUpperCase(),
    type: facts.kind ?? '',
    edition: facts.edition ?? '',
    issue: facts.issue ?? '',
    isbn: facts.isbn ?? '',
    url: facts.url ?? '',
    genre: facts.genre ?? '',
    non_scene: facts.nonScene === true,
    file_name: facts.payload.fileName ?? '',
    size: formatMegabytes(facts.payload.bytes),
    size_bytes: facts.payload.bytes,
    md5: facts.payload.md5 ?? '',
    sha1: facts.payload.sha1 ?? '',
    ...diskVariables(facts.disks),
    notes: facts.notes ?? '',
    fixes: facts.fixes ?? '',
  };
}

export function tvNfoVariables(facts: TvNfoFacts): NfoVariables {
  const [first] = facts.audio;
  return {
    release_name: facts.releaseName,
    group: facts.group,
    release_date: facts.releaseDate,
    show: facts.show,
    season: facts.season ?? '',
    episode: facts.episode ?? '',
    episode_title: facts.episodeTitle ?? '',
    episode_label: episodeLabel(facts),
    air_date: facts.airDate ?? '',
    url: facts.url ?? '',
    plot: facts.plot ?? '',
    genre: facts.genre ?? '',
    network: facts.network ?? '',
    runtime: formatRuntime(facts.runtimeSeconds),
    ...videoVariables(facts.video),
    audio: facts.audio.map(audioSummary).join(', '),
    audio_codec: first?.codec ?? '',
    audio_channels: first === undefined ? '' : formatChannels(first.channels),
    audio_tracks: facts.audio.map((t) => ({ ...t, summary: audioSummary(t) })),
    subtitles: facts.subtitles.length === 0 ? 'None' : facts.subtitles.join(', '),
    size: formatMegabytes(facts.totalBytes),
    size_bytes: facts.totalBytes,
    ...diskVariables(facts.volumes),
    notes: facts.notes ?? '',
    fixes: facts.fixes ?? '',
  };
}

function videoVariables(video: TvNfoFacts['video']): NfoVariables {
  return {
    video_codec: video.codec,
    resolution: `${video.width}x${video.height}`,
    aspect_ratio: video.aspectRatio ?? '',
    fps: formatFps(video.fps),
    video_bitrate: isNumber(video.bitrateKbps) ? formatBitrate(video.bitrateKbps) : '',
    source_bitrate: isNumber(video.sourceBitrateKbps) ? formatBitrate(video.sourceBitrateKbps) : '',
    transcoded: video.transcoded === true,
  };
}

function diskVariables(disks: DiskFacts): NfoVariables {
  return {
    disks: formatVolumes(disks.count, disks.volumeBytes),
    disk_count: disks.count,
    disk_size: formatMegabytes(disks.volumeBytes, 0),
    volume_count: disks.count,
    volume_size: formatMegabytes(disks.volumeBytes, 0),
  };
}

/** "S01E02 - Pilot", "E07", or the title alone. */
function episodeLabel(facts: TvNfoFacts): string {
  const season = isNumber(facts.season) ? `S${String(facts.season).padStart(2, '0')}` : '';
  const episode = isNumber(facts.episode) ? `E${String(facts.episode).padStart(2, '0')}` : '';
  const title = facts.episodeTitle ?? '';
  return [season + episode, title].filter((part) => part !== '').join(' - ');
}

function audioSummary(track: AudioTrack): string {
  const parts = [track.codec, formatChannels(track.channels), languageName(track.language)];
  const text = parts.filter((p) => p !== '').join(' ');
  return isNumber(track.bitrateKbps) ? `${text} @ ${formatBitrate(track.bitrateKbps)}` : text;
}

function languageName(code: string | null | undefined): string {
  if (code === null || code === undefined || code.trim() === '') {
    return 'English';
  }
  const language = resolveLanguage(code);
  return language === null ? code.trim() : languageDisplayName(language);
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number';
}
