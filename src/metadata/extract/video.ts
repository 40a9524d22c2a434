/**
 * MKV / WebM / MP4 through mediainfo.js (MediaInfoLib in WASM). The file is never loaded whole:
 * MediaInfo asks for chunks at offsets through `readChunk`, and the total it may read is bounded
 * (it seeks, e.g. to an MP4's trailing moov atom, so the budget counts every byte handed over).
 */
import mediaInfoFactory from 'mediainfo.js';
import type { MediaInfoResult } from 'mediainfo.js';
import type {
  AudioTrack,
  SubtitleTrack,
  VideoFormat,
  VideoMetadata,
  VideoTrack,
} from '../ports.js';
import { isAppError } from '../../shared/errors.js';
import { corrupt, failed, timedOut, tooLarge } from './errors.js';
import type { OpenedFile } from './file.js';
import { withFile } from './file.js';
import { toIso639_1 } from './language.js';
import type { ExtractionLimits } from './limits.js';

type Fields = Record<string, unknown>;

const FORMATS: Record<string, VideoFormat> = { Matroska: 'mkv', WebM: 'webm', 'MPEG-4': 'mp4' };

function str(track: Fields, key: string): string | null {
  const value = track[key];
  if (typeof value === 'number') {
    return String(value);
  }
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function num(track: Fields, key: string): number | null {
  const value =
    typeof track[key] === 'number' ? track[key] : Number.parseFloat(str(track, key) ?? '');
  return Number.isFinite(value) ? value : null;
}

function language(track: Fields): string | null {
  const raw = str(track, 'Language');
  return raw === null ? null : (toIso639_1(raw) ?? raw);
}

/** `x264` / `x265` when the stream says its encoder was one of them. */
function writingLibrary(track: Fields): string | null {
  const name = (
    str(track, 'Encoded_Library_Name') ??
    str(track, 'Encoded_Library') ??
    ''
  ).toLowerCase();
  return /^x26[45]\b/.exec(name)?.[0] ?? null;
}

function videoTrack(track: Fields): VideoTrack {
  const mode = str(track, 'FrameRate_Mode');
  return {
    codec: str(track, 'Format') ?? 'unknown',
    profile: str(track, 'Format_Profile'),
    level: str(track, 'Format_Level'),
    writingLibrary: writingLibrary(track),
    width: num(track, 'Width'),
    height: num(track, 'Height'),
    frameRate: num(track, 'FrameRate'),
    frameRateMode: mode === 'CFR' || mode === 'VFR' ? mode : null,
    bitRate: num(track, 'BitRate'),
    bitDepth: num(track, 'BitDepth'),
    hdrFormat: str(track, 'HDR_Format'),
  };
}

/** "2.0", "5.1", "7.1": the LFE channel, when the layout names one, goes after the dot. */
function channelNotation(count: number | null, layout: string | null): string | null {
  if (count === null || count < 1) {
    return null;
  }
  const lfe = /\bLFE\d?\b/.test(layout ?? '') && count > 1 ? 1 : 0;
  return `${count - lfe}.${lfe}`;
}

function audioTrack(track: Fields): AudioTrack {
  const count = num(track, 'Channels');
  return {
    codec: str(track, 'Format') ?? 'unknown',
    channelCount: count,
    channels: channelNotation(count, str(track, 'ChannelLayout') ?? str(track, 'ChannelPositions')),
    language: language(track),
    bitRate: num(track, 'BitRate'),
    title: str(track, 'Title'),
  };
}

function subtitleTrack(track: Fields): SubtitleTrack {
  return {
    codec: str(track, 'Format') ?? 'unknown',
    language: language(track),
    title: str(track, 'Title'),
    forced: str(track, 'Forced') === 'Yes',
  };
}

function toVideo(result: MediaInfoResult): VideoMetadata {
  const tracks = (result.media?.track ?? []) as unknown as Fields[];
  const ofType = (type: string): Fields[] => tracks.filter((track) => track['@type'] === type);
  const general = ofType('General')[0];
  const container = general === undefined ? null : str(general, 'Format');
  const format = container === null ? undefined : FORMATS[container];
  if (general === undefined || container === null || format === undefined) {
    throw corrupt(`MediaInfo does not recognise the container (${container ?? 'none'})`);
  }
  const video = ofType('Video')[0];
  if (video === undefined && ofType('Audio').length === 0) {
    throw corrupt(`${container} file without any readable video or audio track`);
  }
  return {
    kind: 'video',
    format,
    container,
    title: str(general, 'Title') ?? str(general, 'Movie'),
    durationSeconds: num(general, 'Duration'),
    overallBitRate: num(general, 'OverallBitRate'),
    video: video === undefined ? null : videoTrack(video),
    audioTracks: ofType('Audio').map(audioTrack),
    subtitleTracks: ofType('Text').map(subtitleTrack),
    warnings: video === undefined ? ['No video track'] : [],
  };
}

function chunkReader(file: OpenedFile, limits: ExtractionLimits, signal: AbortSignal) {
  let budget = limits.maxVideoReadBytes;
  return async (size: number, offset: number): Promise<Uint8Array> => {
    if (signal.aborted) {
      throw timedOut(limits.timeoutMs);
    }
    budget -= size;
    if (budget < 0) {
      throw tooLarge('read_bytes', limits.maxVideoReadBytes, 'MediaInfo read more than allowed');
    }
    return file.read(offset, size);
  };
}

export function extractVideo(
  path: string,
  limits: ExtractionLimits,
  signal: AbortSignal,
): Promise<VideoMetadata> {
  return withFile(path, async (file) => {
    const mediainfo = await mediaInfoFactory({ format: 'object', coverData: false, full: false });
    try {
      return toVideo(await mediainfo.analyzeData(file.size, chunkReader(file, limits, signal)));
    } catch (error) {
      throw isAppError(error) ? error : failed('MediaInfo failed', error);
    } finally {
      mediainfo.close();
    }
  });
}
