/**
 * The vocabulary of a release plan: the facts a packer knows before reading the payload (from
 * flags, the file and its metadata) and the deterministic plan made from them — names, volume
 * sizes, texts — which the packer then follows byte for byte and `--dry-run` prints.
 */
import type { ReleaseType } from '../../domain/enums.js';
import type { EbookKind, TvEpisode } from '../release-name/index.js';
import type { EbookProfile, TvProfile } from '../rules/index.js';
import type { TemplateWarning } from '../text-template/index.js';

/** The payload as detected from its content (never from its extension). */
export interface PayloadFacts {
  /** Name of the input file as given (for the NFO and messages). */
  fileName: string;
  bytes: number;
  /** Upper-case format: EPUB, PDF, MOBI, KF8, CBZ, DOCX, ODT, RTF, TXT, MKV, MP4, WEBM. */
  format: string;
  /** File extension the content calls for, lower case without a dot (epub, pdf, azw3, mkv). */
  extension: string;
}

export interface BookFacts {
  kind?: EbookKind;
  title: string;
  author?: string | null;
  publisher?: string | null;
  edition?: string | number | null;
  volume?: string | number | null;
  issue?: string | number | null;
  date?: string | null;
  year?: number | string | null;
  /** ISO date or year of publication, for the NFO. */
  publishDate?: string | null;
  language?: string | null;
  /** RETAIL, HYBRID or SCAN, any case. */
  source: string;
  extraTags?: readonly string[];
  isbn?: string | null;
  url?: string | null;
  genre?: string | null;
  notes?: string | null;
}

export interface AudioFacts {
  codec: string;
  channels: number;
  language?: string | null;
  bitrateKbps?: number | null;
}

export interface VideoFacts {
  width: number;
  height: number;
  /** MediaInfo's format name: AVC, HEVC … */
  videoCodec: string;
  writingLibrary?: string | null;
  fps: number;
  durationSeconds: number;
  bitrateKbps?: number | null;
  audio: readonly AudioFacts[];
  /** Subtitle languages; empty for none. */
  subtitles: readonly string[];
}

export interface EpisodeFacts {
  show: string;
  episode: TvEpisode;
  episodeTitle?: string | null;
  year?: number | string | null;
  country?: string | null;
  language?: string | null;
  tags?: readonly string[];
  /** WEB, WEBRip, HDTV …; inferred from the media when absent. */
  source?: string | null;
  url?: string | null;
  notes?: string | null;
}

export interface PlanTemplates {
  /** A user NFO template; the type's default when absent. */
  nfo?: string | null;
  /** A user DIZ template; the default when absent. */
  diz?: string | null;
}

interface PlanRequestBase {
  group: string;
  /** ISO date of the release (the core never reads the clock). */
  releaseDate: string;
  payload: PayloadFacts;
  templates?: PlanTemplates;
}

export interface EbookPlanRequest extends PlanRequestBase {
  type: Extract<ReleaseType, 'EBOOK' | 'DOCS'>;
  profile: EbookProfile;
  book: BookFacts;
  /** Pack DOCX/ODT/RTF/TXT as a non-scene iNTERNAL release. */
  allowNonSceneFormat?: boolean;
}

export interface TvPlanRequest extends PlanRequestBase {
  type: 'TV';
  profile: TvProfile;
  episode: EpisodeFacts;
  video: VideoFacts;
  /** False with --no-sample. */
  sample: boolean;
}

export type PlanRequest = EbookPlanRequest | TvPlanRequest;

/** A text file of the release, rendered before packing. */
export interface PlannedText {
  name: string;
  /** The text as written (lines joined with "\n"), for people. */
  text: string;
  /** The file's bytes (encoding and line endings of the profile). */
  bytes: Uint8Array;
  warnings: TemplateWarning[];
}

export type PlannedFileKind = 'nfo' | 'sfv' | 'rar' | 'zip' | 'sample';

/** A file the release directory will hold; `size` is null where only packing can tell. */
export interface PlannedFile {
  /** Release-relative path, `/` separators. */
  path: string;
  kind: PlannedFileKind;
  size: number | null;
}

export interface PlannedVolume {
  name: string;
  size: number;
}

export interface RarSetPlan {
  baseName: string;
  /** Size of every volume but the last (the profile's chosen size). */
  volumeSize: number;
  volumes: PlannedVolume[];
  totalSize: number;
}

export interface FileRule {
  id: string;
  explanation: string;
}

interface PlanBase {
  profile: { id: string; version: string };
  releaseName: string;
  /** The title as given; the name may carry a shortened one. */
  fullTitle: string;
  titleShortened: boolean;
  group: string;
  releaseDate: string;
  payload: PayloadFacts & { archivedName: string };
  rar: RarSetPlan;
  nfo: PlannedText;
  files: PlannedFile[];
  rules: { required: FileRule[]; forbidden: FileRule[] };
  /** Things the user should know; none of them stops the pack. */
  warnings: string[];
}

export interface PlannedDisk {
  name: string;
  rarVolume: string;
  diz: PlannedText;
}

export interface EbookPlan extends PlanBase {
  type: Extract<ReleaseType, 'EBOOK' | 'DOCS'>;
  layout: 'zip-diz';
  disks: PlannedDisk[];
  nonScene: boolean;
}

export interface SamplePlan {
  path: string;
  startSeconds: number;
  durationSeconds: number;
}

export interface TvPlan extends PlanBase {
  type: 'TV';
  layout: 'rar-sfv';
  sfvName: string;
  sample: SamplePlan | null;
}

export type ReleasePlan = EbookPlan | TvPlan;
