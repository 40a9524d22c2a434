/**
 * The metadata room's ports. Two halves: extraction (reading local files, this part) and providers
 * (outside APIs, below the marked section). Services see this file only, never the adapters.
 */

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Extraction: local file → metadata
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Formats found by magic bytes (never by extension). `azw3` is a KF8-only Kindle file. */
export const METADATA_FORMATS = [
  'epub',
  'pdf',
  'mobi',
  'azw3',
  'cbz',
  'docx',
  'odt',
  'rtf',
  'txt',
  'mkv',
  'webm',
  'mp4',
] as const;
export type MetadataFormat = (typeof METADATA_FORMATS)[number];

export type BookFormat = Exclude<MetadataFormat, 'mkv' | 'webm' | 'mp4'>;
export type VideoFormat = Extract<MetadataFormat, 'mkv' | 'webm' | 'mp4'>;

export interface DetectedFormat {
  format: MetadataFormat;
  /** IANA media type of the detected format. */
  mimeType: string;
}

/** A person credited on a book. `role` is a MARC relator code (`aut`, `edt`, `trl`, `ill` …). */
export interface Creator {
  name: string;
  /** Sort form ("Dupont, Émile") when the file gives one. */
  fileAs: string | null;
  role: string | null;
}

/** An identifier as the file states it; `scheme` is lower-case (`isbn`, `uuid`, `asin`, `doi` …). */
export interface Identifier {
  scheme: string;
  value: string;
}

export interface Series {
  name: string;
  /** Position in the series (1, 2, 2.5); null when the file does not say. */
  index: number | null;
}

/**
 * Where the title came from: the file's own metadata, the first line of a text file, or the file
 * name (the last fallback — a caller should prefer any other source over it).
 */
export type TitleSource = 'metadata' | 'first_line' | 'file_name';

/** eBooks and documents (EPUB, PDF, MOBI/AZW3, CBZ, DOCX, ODT, RTF, TXT). Absent values are null. */
export interface BookMetadata {
  kind: 'book';
  format: BookFormat;
  title: string;
  titleSource: TitleSource;
  subtitle: string | null;
  creators: Creator[];
  publisher: string | null;
  /** ISO 639-1 (`fr`); null when absent or not recognised (the raw value is in `languageRaw`). */
  language: string | null;
  languageRaw: string | null;
  /** The date as precise as the file states it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string | null;
  year: number | null;
  identifiers: Identifier[];
  /** The first valid ISBN among the identifiers (or found in the text), as ISBN-13 digits. */
  isbn: string | null;
  series: Series | null;
  description: string | null;
  subjects: string[];
  pageCount: number | null;
  wordCount: number | null;
  hasCover: boolean;
  /** Content encrypted by a DRM scheme (EPUB `encryption.xml` beyond font obfuscation, MOBI). */
  drm: boolean;
  /** The file is encrypted but could be opened (a PDF with an owner password only). */
  encrypted: boolean;
  /** Kindle files: the file carries a KF8 (AZW3) section. */
  kf8: boolean | null;
  /** Non-fatal problems met while reading (a malformed date, an invalid ISBN …). */
  warnings: string[];
}

export interface VideoTrack {
  /** MediaInfo's format name: `AVC`, `HEVC`, `AV1`, `VP9` … */
  codec: string;
  profile: string | null;
  level: string | null;
  /** The encoder that wrote the stream when it says so: `x264`, `x265`; null otherwise. */
  writingLibrary: string | null;
  width: number | null;
  height: number | null;
  frameRate: number | null;
  frameRateMode: 'CFR' | 'VFR' | null;
  bitRate: number | null;
  bitDepth: number | null;
  /** `Dolby Vision`, `SMPTE ST 2086` (HDR10), `SMPTE ST 2094 App 4` (HDR10+) …; null for SDR. */
  hdrFormat: string | null;
}

export interface AudioTrack {
  /** `AAC`, `AC-3`, `E-AC-3`, `DTS`, `FLAC`, `Opus` … */
  codec: string;
  channelCount: number | null;
  /** `1.0`, `2.0`, `5.1`, `7.1` — LFE counted after the dot. */
  channels: string | null;
  language: string | null;
  bitRate: number | null;
  title: string | null;
}

export interface SubtitleTrack {
  codec: string;
  language: string | null;
  title: string | null;
  forced: boolean;
}

export interface VideoMetadata {
  kind: 'video';
  format: VideoFormat;
  /** MediaInfo's container name: `Matroska`, `WebM`, `MPEG-4`. */
  container: string;
  title: string | null;
  durationSeconds: number | null;
  overallBitRate: number | null;
  /** The first video track; null for a file without one. */
  video: VideoTrack | null;
  audioTracks: AudioTrack[];
  subtitleTracks: SubtitleTrack[];
  warnings: string[];
}

export type ExtractedMetadata = BookMetadata | VideoMetadata;

/**
 * Reads a local file and says what it is and what it holds. Implementations never trust the
 * extension, read within explicit size/entry/depth/time limits, and never return an empty result
 * for a file they could not read.
 */
export interface Extractor {
  /**
   * The format of the file at `path`, from its content.
   * Throws `metadata.format_unsupported` for anything else, `metadata.extract_failed` when the
   * file cannot be read at all (missing, unreadable).
   */
  detect(path: string): Promise<DetectedFormat>;
  /**
   * The metadata of the file at `path`. Throws, as an AppError:
   * `metadata.format_unsupported` (unknown content), `metadata.file_corrupt` (truncated or
   * malformed), `metadata.file_encrypted` (cannot be opened without a password),
   * `metadata.file_too_large` (beyond a configured limit: size, entries, XML depth, time),
   * `metadata.extract_failed` (anything else, including an unreadable path).
   */
  extract(path: string): Promise<ExtractedMetadata>;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Providers: outside APIs (MetadataProvider, outcomes not_found | rate_limited | unavailable |
// bad_credentials | bad_response). Owned by the providers work; add below this line.
// ─────────────────────────────────────────────────────────────────────────────────────────────
