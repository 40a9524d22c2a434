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
   * `metadata.file_too_large` (beyond a configured limit: size, ZIP entries, entry bytes, XML
   * depth, memory, bytes read; `details.limit` names it), `metadata.extract_failed` (the time
   * budget ran out — `details.limit` is `time` —, an unreadable path, or anything unforeseen).
   */
  extract(path: string): Promise<ExtractedMetadata>;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Providers: outside APIs (MetadataProvider, outcomes not_found | rate_limited | unavailable |
// bad_credentials | bad_response). Owned by the providers work; add below this line.
// ─────────────────────────────────────────────────────────────────────────────────────────────

// Kept here rather than at the top so the extraction half stays untouched (imports are hoisted).
import type { ApiProvider, JsonValue } from '../domain/enums.js';

/** Where a merged value came from: typed by the user, read from the file, or a provider. */
export type MetadataSource = 'user' | 'file' | ApiProvider;

export type BookProviderName = Extract<ApiProvider, 'openlibrary' | 'googlebooks'>;
export type TvProviderName = Extract<ApiProvider, 'tvdb' | 'tmdb' | 'omdb'>;

/**
 * What one source says about a book. Every field is optional: absent means "this source has no
 * value" (providers normalise `"N/A"`, `""` and empty lists to absent before answering).
 */
export interface BookFields {
  title?: string;
  subtitle?: string;
  authors?: string[];
  publisher?: string;
  /** As precise as the source states it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  year?: number;
  /** ISO 639-1 (`en`, `fr`). */
  language?: string;
  /** ISBN-13 digits with a valid check digit. */
  isbn?: string;
  pageCount?: number;
  /** Plain text (HTML removed). */
  description?: string;
  subjects?: string[];
  coverUrl?: string;
  series?: string;
  seriesIndex?: number;
  /** OpenLibrary edition id (`OL26242482M`), or work id (`OL893415W`) when only the work is known. */
  olid?: string;
  /** Google Books volume id. */
  gbid?: string;
}

/** What one source says about a TV episode and its series. Absent fields: no value. */
export interface TvFields {
  seriesTitle?: string;
  /** Year the series started. */
  year?: number;
  /** `YYYY-MM-DD`. */
  firstAired?: string;
  seriesOverview?: string;
  network?: string;
  genres?: string[];
  status?: string;
  /** ISO 639-1 of the original language. */
  language?: string;
  posterUrl?: string;
  season?: number;
  episode?: number;
  episodeTitle?: string;
  /** `YYYY-MM-DD`. */
  aired?: string;
  episodeOverview?: string;
  runtimeMinutes?: number;
  /** IMDb rating out of 10 (from OMDb); ratings are never averaged across sources. */
  imdbRating?: number;
  /** TMDb vote average out of 10. */
  tmdbRating?: number;
  tvdbId?: string;
  tmdbId?: string;
  imdbId?: string;
  tvdbEpisodeId?: string;
  tmdbEpisodeId?: string;
  imdbEpisodeId?: string;
}

/**
 * The answer of one lookup. Failure is an expected answer, never an exception and never an empty
 * `found`: `not_found` (the provider looked and has nothing), `rate_limited` (asked to slow down or
 * quota used up), `unavailable` (network error, timeout, 5xx after the retries),
 * `bad_credentials` (missing, wrong or refused key/PIN), `bad_response` (an answer we cannot read).
 */
export type LookupOutcome<T> =
  | { kind: 'found'; value: T }
  | { kind: 'not_found'; reason?: string }
  | { kind: 'rate_limited'; reason: string; retryAfterSeconds?: number }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'bad_credentials'; reason: string }
  | { kind: 'bad_response'; reason: string };

export type LookupFailure = Exclude<LookupOutcome<never>, { kind: 'found' }>;

/** A counted daily quota (OMDb): requests sent today (UTC) with this key, and the limit. */
export interface QuotaUsage {
  used: number;
  limit: number;
  /** The UTC day counted, `YYYY-MM-DD`. */
  day: string;
}

export interface LookupResult<T> {
  outcome: LookupOutcome<T>;
  /** True when every response came from the ResponseCache (no HTTP request was sent). */
  fromCache: boolean;
  quota?: QuotaUsage;
}

/**
 * Per-call settings of a provider, credentials already decrypted (the services get them from
 * `ApiConfigsService.credentials`). A null or absent `baseUrl` means the provider's public URL.
 */
export interface ProviderSettings {
  apiKey?: string | null;
  /** TheTVDB subscriber PIN, for user-supported keys only. */
  pin?: string | null;
  baseUrl?: string | null;
  /** Per HTTP request; default 10 000 ms. */
  timeoutMs?: number;
}

export interface BookQuery {
  title: string;
  author?: string | null;
}

/**
 * A book provider (OpenLibrary, Google Books). Every method resolves with a LookupResult and never
 * rejects for an HTTP or network failure; it rejects only when `signal` aborts (with its reason).
 * Network errors, timeouts, 5xx and 429 are retried three times (1 s, 2 s, 4 s, or `Retry-After`)
 * before `unavailable` / `rate_limited` is answered. Answers are cached 24 h (found and not_found).
 */
export interface BookProvider {
  readonly kind: 'book';
  readonly name: BookProviderName;
  /** False when the provider answers without a key (both book providers). */
  readonly requiresKey: boolean;
  /** The edition with this ISBN (10 or 13 digits, separators allowed). */
  byIsbn(
    isbn: string,
    settings: ProviderSettings,
    signal?: AbortSignal,
  ): Promise<LookupResult<BookFields>>;
  /** The record with the provider's own id (OpenLibrary `OL…M`/`OL…W`, Google volume id). */
  byId(
    id: string,
    settings: ProviderSettings,
    signal?: AbortSignal,
  ): Promise<LookupResult<BookFields>>;
  /** The best match for a title (and author); `not_found` when nothing matches. */
  search(
    query: BookQuery,
    settings: ProviderSettings,
    signal?: AbortSignal,
  ): Promise<LookupResult<BookFields>>;
}

export type TvIdScheme = 'tvdb' | 'tmdb' | 'imdb';

export interface TvIdRef {
  scheme: TvIdScheme;
  /** `81189` (tvdb), `1396` (tmdb), `tt0903747` (imdb) — a series id. */
  id: string;
}

/** Which episode to describe; both null for the series alone. */
export interface EpisodeRef {
  season: number | null;
  episode: number | null;
}

export interface TvQuery extends EpisodeRef {
  title: string;
  year?: number | null;
}

/**
 * A TV provider (TheTVDB v4, TMDb v3, OMDb). Same failure contract as BookProvider. A series that
 * exists without the asked episode is `found` with the series fields only (no episode fields).
 */
export interface TvProvider {
  readonly kind: 'tv';
  readonly name: TvProviderName;
  readonly requiresKey: boolean;
  /** The id schemes `byId` resolves (directly or through the provider's own id mapping). */
  readonly idSchemes: readonly TvIdScheme[];
  byId(
    ref: TvIdRef,
    episode: EpisodeRef,
    settings: ProviderSettings,
    signal?: AbortSignal,
  ): Promise<LookupResult<TvFields>>;
  search(
    query: TvQuery,
    settings: ProviderSettings,
    signal?: AbortSignal,
  ): Promise<LookupResult<TvFields>>;
}

export type MetadataProvider = BookProvider | TvProvider;

/** The providers the enrichment may use; an absent one is reported as not available. */
export interface MetadataProviders {
  openlibrary?: BookProvider;
  googlebooks?: BookProvider;
  tvdb?: TvProvider;
  tmdb?: TvProvider;
  omdb?: TvProvider;
}

/**
 * Provider responses kept between calls (memory, database table or Redis). Keys start with the
 * provider name and a colon (`tmdb:…`), are at most 255 characters and never contain a secret.
 * `get` answers undefined for a missing or expired key. Either method may reject when the store
 * is down; providers then carry on as if the cache were empty.
 */
export interface ResponseCache {
  get(key: string): Promise<JsonValue | undefined>;
  set(key: string, value: JsonValue, ttlSeconds: number): Promise<void>;
}

/**
 * Login tokens (TheTVDB's month-long JWT), shared by every process using the same store so that
 * one login serves many calls. Keys follow ResponseCache's rules. `get` answers undefined for a
 * missing or expired token. Either method may reject when the store is down.
 */
export interface TokenStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, token: string, expiresAt: Date): Promise<void>;
  delete(key: string): Promise<void>;
}

/** One merged field: the winning value, who gave it, who agreed and the other values it beat. */
export interface FieldProvenance<V> {
  value: V;
  source: MetadataSource;
  /** Lower-priority sources that gave the same value. */
  agreeing: MetadataSource[];
  /** Lower-priority sources that gave a different value, in priority order. */
  rejected: { source: MetadataSource; value: V }[];
}

export type Provenance<F> = { [K in keyof F]?: FieldProvenance<NonNullable<F[K]>> };

export interface MergeCandidate<F> {
  source: MetadataSource;
  fields: F;
}

export interface MergeInput<F> {
  /** Values typed by the user: they always win. */
  user?: F;
  candidates: readonly MergeCandidate<F>[];
  /** Highest first. Sources missing from it rank after the listed ones, in candidate order. */
  priority: readonly MetadataSource[];
  /** Per-field orders that replace `priority` for those fields. */
  fieldPriority?: { [K in keyof F]?: readonly MetadataSource[] };
  /** Weak values (a title guessed from a file name): used only when no candidate has the field. */
  fallback?: { source: MetadataSource; fields: F };
}

export interface MergeResult<F> {
  fields: F;
  provenance: Provenance<F>;
}

/** Field-by-field merge with provenance; pure. */
export type MetadataMerger = <F extends object>(input: MergeInput<F>) => MergeResult<F>;
