/**
 * `LocalMetadataSource`: the facts of a release from what is on this machine — the flags the
 * user typed (they always win), the file's own metadata (read by the extractor, format from the
 * content, never the extension), and its name (the last resort for a title, year or episode).
 */
import { guessEpisode, parseEpisodeFlag } from '../../core/plan/episode-guess.js';
import type { PayloadFacts } from '../../core/plan.js';
import { guessEbookSource } from '../../core/release-name/index.js';
import type {
  BookMetadata,
  DetectedFormat,
  Extractor,
  MetadataFormat,
  VideoMetadata,
} from '../../metadata/ports.js';
import { AppError, isAppError, validationError } from '../../shared/errors.js';
import { bookFacts } from './book-facts.js';
import type { InputFile, MetadataSource, PackFlags, ReleaseFacts } from './types.js';
import { videoFacts } from './video-facts.js';

const VIDEO: readonly MetadataFormat[] = ['mkv', 'webm', 'mp4'];
/** Upper-case format names as the ruleset profiles write them. */
const FORMAT_NAMES: Partial<Record<MetadataFormat, string>> = { azw3: 'KF8' };

export class LocalMetadataSource implements MetadataSource {
  readonly #extractor: Extractor;

  constructor(extractor: Extractor) {
    this.#extractor = extractor;
  }

  async describe(input: InputFile, flags: PackFlags): Promise<ReleaseFacts> {
    const detected = await this.#detect(input);
    const video = VIDEO.includes(detected.format);
    if ((flags.type === 'TV') !== video) {
      throw wrongKind(flags, detected.format);
    }
    const payload: PayloadFacts = {
      fileName: input.name,
      bytes: input.info.size,
      format: FORMAT_NAMES[detected.format] ?? detected.format.toUpperCase(),
      extension: detected.format,
    };
    const metadata = await this.#extract(input, video);
    return video
      ? tvFacts(input, flags, payload, metadata as VideoMetadata)
      : bookRelease(input, flags, payload, metadata as BookMetadata | null);
  }

  async #detect(input: InputFile): Promise<DetectedFormat> {
    try {
      return await this.#extractor.detect(input.path);
    } catch (error) {
      if (isAppError(error) && error.code === 'metadata.format_unsupported') {
        throw new AppError(
          'release.format_unknown',
          `"${input.name}" is not a format scenepacker knows (EPUB, PDF, MOBI/AZW3, CBZ, DOCX, ODT, RTF, TXT, MKV, MP4)`,
          { cause: error },
        );
      }
      throw unreadable(input, error);
    }
  }

  /** The file's metadata; a book too big or slow to read is packed from flags and its name. */
  async #extract(input: InputFile, video: boolean): Promise<BookMetadata | VideoMetadata | null> {
    try {
      return await this.#extractor.extract(input.path);
    } catch (error) {
      const code = isAppError(error) ? error.code : 'internal.unexpected';
      if (code === 'metadata.file_encrypted') {
        throw new AppError(
          'release.format_not_allowed',
          `"${input.name}" is encrypted; the rules allow no DRM or passwords`,
          { cause: error },
        );
      }
      const bounded = code === 'metadata.file_too_large' || code === 'metadata.extract_failed';
      if (bounded && !video) {
        return null;
      }
      throw unreadable(input, error);
    }
  }
}

function bookRelease(
  input: InputFile,
  flags: PackFlags,
  payload: PayloadFacts,
  metadata: BookMetadata | null,
): ReleaseFacts {
  if (metadata?.drm === true) {
    throw new AppError(
      'release.format_not_allowed',
      `"${input.name}" is DRM-protected; the rules require the protection removed`,
    );
  }
  const warnings =
    metadata === null
      ? ['The file metadata could not be read in time; facts come from the flags and the name']
      : [];
  const book = bookFacts(stem(input.name), flags, metadata);
  book.source = guessEbookSource(input.name, flags.source);
  return { payload, book, warnings };
}

function tvFacts(
  input: InputFile,
  flags: PackFlags,
  payload: PayloadFacts,
  metadata: VideoMetadata,
): ReleaseFacts {
  const guess = guessEpisode(stem(input.name)) ?? guessEpisode(metadata.title ?? '');
  const flagged =
    flags.episode === null || flags.episode === undefined ? null : parseEpisodeFlag(flags.episode);
  if (flags.episode !== null && flags.episode !== undefined && flagged === null) {
    throw validationError([
      {
        path: 'episode',
        message: `"${flags.episode}" is not an episode (S01E02, 1x02, E05, 2024-01-31, Part 2)`,
      },
    ]);
  }
  const episode = flagged ?? guess?.episode;
  const show = flags.show ?? flags.title ?? guess?.show;
  if (episode === undefined || show === undefined || show.trim() === '') {
    throw validationError(
      [{ path: 'episode', message: 'Give --show and --episode: the file name names no episode' }],
      `"${input.name}" names no show and episode`,
    );
  }
  return {
    payload,
    episode: {
      show,
      episode,
      episodeTitle: flags.episodeTitle ?? guess?.episodeTitle ?? null,
      year: flags.year ?? null,
      language: flags.language ?? null,
      tags: flags.tags ?? [],
      source: flags.source ?? null,
      url: flags.url ?? null,
      notes: flags.notes ?? null,
    },
    video: videoFacts(input.name, metadata),
    warnings: [],
  };
}

function wrongKind(flags: PackFlags, format: MetadataFormat): AppError {
  const wanted = flags.type === 'TV' ? 'a video (MKV)' : 'a book or document';
  return new AppError(
    'release.format_not_allowed',
    `A ${flags.type} release needs ${wanted}; this file is ${format.toUpperCase()}`,
    { details: { type: flags.type, format } },
  );
}

function unreadable(input: InputFile, error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('release.input_unreadable', `"${input.name}" cannot be read: ${reason}`, {
    cause: error,
  });
}

function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
