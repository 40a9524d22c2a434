/** The packaging use case, as the edges (CLI, later HTTP and jobs) see it. */
export { PackagingService } from './service.js';
export type {
  CheckReport,
  CheckRequest,
  InputFile,
  MetadataSource,
  PackagingDeps,
  PackedFile,
  PackEvent,
  PackFlags,
  PackOptions,
  PackPhase,
  PackRequest,
  PackResult,
  PlanResult,
  ReleaseFacts,
} from './types.js';
export type { Finding } from '../../core/check/index.js';
export type { PlannedText, ReleasePlan } from '../../core/plan.js';
export type { RulesetProfile } from '../../core/rules/index.js';
