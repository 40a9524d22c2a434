/** A video's facts for naming and the NFO, from what the extractor read. */
import type { VideoFacts } from '../../core/plan.js';
import { languageDisplayName, resolveLanguage } from '../../core/release-name/index.js';
import type { VideoMetadata } from '../../metadata/ports.js';
import { AppError } from '../../shared/errors.js';

export function videoFacts(fileName: string, metadata: VideoMetadata): VideoFacts {
  const video = metadata.video;
  const width = video?.width ?? null;
  const height = video?.height ?? null;
  if (video === null || width === null || height === null) {
    throw new AppError('release.input_unreadable', `"${fileName}" has no video track to pack`);
  }
  const bitRate = video.bitRate ?? metadata.overallBitRate;
  return {
    width,
    height,
    videoCodec: video.codec,
    writingLibrary: video.writingLibrary,
    fps: video.frameRate ?? 0,
    durationSeconds: metadata.durationSeconds ?? 0,
    bitrateKbps: bitRate === null ? null : Math.round(bitRate / 1000),
    audio: metadata.audioTracks.map((track) => ({
      codec: track.codec,
      channels: track.channelCount ?? 2,
      language: track.language,
      bitrateKbps: track.bitRate === null ? null : Math.round(track.bitRate / 1000),
    })),
    subtitles: metadata.subtitleTracks.map((track) => languageName(track.language)),
  };
}

function languageName(code: string | null): string {
  const language = code === null ? null : resolveLanguage(code);
  return language === null ? (code ?? 'Unknown') : languageDisplayName(language);
}
