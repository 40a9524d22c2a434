/**
 * The source, codec and resolution tokens of a TV name, chosen from the media facts and the
 * profile's formats: an untouched WEB stream keeps its codec (WEB.H264/H265), an x264/x265 encode
 * is a WEBRip (or the broadcast profiles' SOURCE.x264), and the resolution is the smallest class
 * whose frame holds the video and which the format allows.
 */
import { AppError } from '../../shared/errors.js';
import type { TvFormat, TvProfile } from '../rules/index.js';

export interface TvMediaFacts {
  width: number;
  height: number;
  /** Stream format as MediaInfo names it: AVC, HEVC, VP9 … */
  videoCodec: string;
  /** Writing library / encoder string ("x264 core 164 r3095"), when the file has one. */
  writingLibrary?: string | null;
}

export interface FormatRequest {
  media: TvMediaFacts;
  /** A source named by the user (HDTV, AHDTV, HR.PDTV, PDTV, DSR, WEB, WEBRip …). */
  source?: string | null;
  /** Overrides what the writing library suggests. */
  transcoded?: boolean | null;
}

export interface TvFormatChoice {
  source: string;
  codec: string;
  resolution: string | null;
}

export function chooseTvFormat(request: FormatRequest, profile: TvProfile): TvFormatChoice {
  const family = codecFamily(request.media.videoCodec);
  const encoder = encoderOf(request.media.writingLibrary);
  const transcoded = request.transcoded ?? encoder !== null;
  const wanted = request.source?.trim().toUpperCase();
  for (const format of profile.naming.formats) {
    if (wanted !== undefined && wanted !== '' && format.source.toUpperCase() !== wanted) {
      continue;
    }
    if (!codecFits(format, family, encoder, transcoded)) {
      continue;
    }
    const resolution = resolutionFor(format, request.media, profile);
    if (resolution !== undefined) {
      return { source: format.source, codec: format.codec, resolution };
    }
  }
  throw noFormat(request, profile);
}

/** The H.264/H.265 family of a stream, whatever MediaInfo calls it. */
function codecFamily(videoCodec: string): 'H264' | 'H265' | null {
  if (/avc|h\.?264|x264/i.test(videoCodec)) {
    return 'H264';
  }
  return /hevc|h\.?265|x265/i.test(videoCodec) ? 'H265' : null;
}

function encoderOf(writingLibrary: string | null | undefined): 'x264' | 'x265' | null {
  const match = /x26[45]/i.exec(writingLibrary ?? '');
  return match === null ? null : (match[0].toLowerCase() as 'x264' | 'x265');
}

function codecFits(
  format: TvFormat,
  family: 'H264' | 'H265' | null,
  encoder: 'x264' | 'x265' | null,
  transcoded: boolean,
): boolean {
  switch (format.origin) {
    case 'untouched':
      return !transcoded && format.codec === family;
    case 'transcode':
      return transcoded && format.codec === (encoder ?? (family === 'H265' ? 'x265' : 'x264'));
    case 'broadcast':
      // The HDTV rulesets only know x264 encodes.
      return family === 'H264' && (encoder === null || encoder === 'x264');
  }
}

/** The resolution token, null for "no token", undefined when nothing fits. */
function resolutionFor(
  format: TvFormat,
  media: TvMediaFacts,
  profile: TvProfile,
): string | null | undefined {
  const fitting = profile.naming.resolutionClasses.find(
    (c) =>
      media.width <= c.maxWidth &&
      media.height <= c.maxHeight &&
      format.resolutions.includes(c.token),
  );
  return fitting === undefined ? undefined : fitting.token;
}

function noFormat(request: FormatRequest, profile: TvProfile): AppError {
  const { width, height, videoCodec, writingLibrary } = request.media;
  const source = request.source ?? 'any source';
  return new AppError(
    'release.format_not_allowed',
    `${videoCodec} ${width}x${height} (${writingLibrary ?? 'no encoder info'}, ${source}) fits no format of ${profile.id}`,
    { details: { profile: profile.id, media: request.media, source: request.source ?? null } },
  );
}
