/** The packaging use case, as the edges (CLI, later HTTP and jobs) see it. */
export { PackagingService } from './service.js';
export { EnrichingMetadataSource, localFields } from './enriching-source.js';
export { LocalMetadataSource } from './metadata-source.js';
export type {
  CheckReport,
  CheckRequest,
  EnrichOutcome,
  FactsEnricher,
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
