/**
 * The packaging use case's vocabulary: what it needs (ports only), what it is asked, what it
 * tells while it works, and what it answers.
 */
import type { CheckProgress, CheckReport } from '../../core/check/index.js';
import type {
  BookFacts,
  EpisodeFacts,
  PayloadFacts,
  ReleasePlan,
  VideoFacts,
} from '../../core/plan.js';
import type { ReleaseType } from '../../domain/enums.js';
import type { MediaTool } from '../../media/ports.js';
import type { Extractor } from '../../metadata/ports.js';
import type { Clock } from '../../shared/clock.js';
import type { PathInfo, Workspace } from '../../storage/ports.js';
import type { BookEnrichResult, TvEnrichResult } from '../metadata/types.js';

/** What the user says about the release; every field beats what the file says. */
export interface PackFlags {
  type: ReleaseType;
  group: string;
  /** eBOOK: RETAIL, HYBRID, SCAN. TV: WEB, WEBRip, HDTV … */
  source?: string | null;
  language?: string | null;
  title?: string | null;
  author?: string | null;
  publisher?: string | null;
  year?: string | number | null;
  isbn?: string | null;
  url?: string | null;
  /** fiction, technical, magazine, comic, manga, newspaper, xxx (any case). */
  kind?: string | null;
  edition?: string | null;
  /** eBOOK extra tags (PROPER, READNFO …) or TV tags (REPACK, PROPER …). */
  tags?: readonly string[];
  /** TV: the show, when the file name does not say it. */
  show?: string | null;
  /** TV: S01E02, 1x02, E05, 2024-01-31, Part 2. */
  episode?: string | null;
  episodeTitle?: string | null;
  notes?: string | null;
}

export interface PackRequest {
  input: string;
  flags: PackFlags;
  /** Ruleset profile id; the type's default when absent. */
  profile?: string | null;
  /** A user NFO template (LiquidJS text). */
  nfoTemplate?: string | null;
  /** Directory the release directory goes into. */
  outDir: string;
  /** Replace an existing release of the same name. */
  force?: boolean;
  /** TV: cut a sample (default true); false with --no-sample. */
  sample?: boolean;
  /** eBOOK/DOCS: pack DOCX/ODT/RTF/TXT as a non-scene iNTERNAL release. */
  allowNonSceneFormat?: boolean;
}

/** The facts a release is planned from, whoever found them. */
export interface ReleaseFacts {
  payload: PayloadFacts;
  book?: BookFacts;
  episode?: EpisodeFacts;
  video?: VideoFacts;
  /** Things the user should know about where facts came from. */
  warnings: string[];
}

export interface InputFile {
  path: string;
  /** The bare file name. */
  name: string;
  info: PathInfo;
}

/**
 * Where a release's facts come from. The local source reads flags, the file's content and its
 * name; enrichment from outside providers can wrap it later. Rejects with `release.*` codes:
 * `release.format_unknown`, `release.format_not_allowed`, `release.input_unreadable`,
 * `release.title_required`, `validation.failed` (flags that make no sense).
 */
export interface MetadataSource {
  describe(input: InputFile, flags: PackFlags, signal?: AbortSignal): Promise<ReleaseFacts>;
}

/** What the providers made of a release's local facts: merged fields, provenance, one status per call. */
export type EnrichOutcome = BookEnrichResult | TvEnrichResult;

/**
 * Asks the metadata providers about the facts found locally (the flags included). Resolves
 * `undefined` when enrichment is not set up (no database, no provider configured): the facts
 * then stay as they are, without a note. May reject with anything (network, refused keys, a
 * bug); the caller turns that into a note. Rejects with the signal's reason once it aborts.
 */
export type FactsEnricher = (
  type: ReleaseType,
  facts: ReleaseFacts,
  signal?: AbortSignal,
) => Promise<EnrichOutcome | undefined>;

export interface PackagingDeps {
  workspace: Workspace;
  media: MediaTool;
  /** Reads the input's facts; defaults to the local source over `extractor`. */
  metadata?: MetadataSource;
  extractor: Extractor;
  clock: Clock;
}

export type PackPhase = 'archive' | 'sample' | 'check';

export type PackEvent =
  | { type: 'planned'; plan: ReleasePlan; target: string }
  | { type: 'progress'; phase: PackPhase; bytesDone: number; bytesTotal: number; file: string }
  | { type: 'published'; path: string };

export interface PackOptions {
  signal?: AbortSignal;
  onEvent?: (event: PackEvent) => void;
}

export interface PackedFile {
  path: string;
  size: number;
}

export interface PackResult {
  plan: ReleasePlan;
  path: string;
  files: PackedFile[];
  report: CheckReport;
}

export interface PlanResult {
  plan: ReleasePlan;
  /** Where the release would go. */
  target: string;
  /** A release of that name is already there (packing needs --force). */
  exists: boolean;
}

export interface CheckRequest {
  dir: string;
  profile?: string | null;
}

export type { CheckProgress, CheckReport };
