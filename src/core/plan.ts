/**
 * The release plan: everything about a release that can be known before its payload is read —
 * the name (full and shortened), every file name, the RAR volume size and the exact count and
 * sizes of the volumes, the ZIP disks, the NFO and DIZ texts with the final numbers, the sample
 * window and the profile's file rules. Pure and deterministic: `--dry-run` prints it, and the
 * packer follows it byte for byte.
 */
import { planEbook } from './plan/ebook-plan.js';
import { planTv } from './plan/tv-plan.js';
import type { PlanRequest, ReleasePlan } from './plan/types.js';

export type {
  AudioFacts,
  BookFacts,
  EbookPlan,
  EbookPlanRequest,
  EpisodeFacts,
  FileRule,
  PayloadFacts,
  PlanRequest,
  PlanTemplates,
  PlannedDisk,
  PlannedFile,
  PlannedFileKind,
  PlannedText,
  PlannedVolume,
  RarSetPlan,
  ReleasePlan,
  SamplePlan,
  TvPlan,
  TvPlanRequest,
  VideoFacts,
} from './plan/types.js';

/**
 * The plan for `request`. Throws the name builders' AppErrors (`release.title_required`,
 * `release.year_required`, `release.group_invalid`, `release.invalid_name`,
 * `release.format_not_allowed`), `release.too_many_volumes` when no allowed size fits, and
 * `validation.failed` when a sample cannot be cut from an episode that short.
 */
export function planRelease(request: PlanRequest): ReleasePlan {
  return request.type === 'TV' ? planTv(request) : planEbook(request);
}
