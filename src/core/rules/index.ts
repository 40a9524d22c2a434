export {
  profileSchema,
  type EbookProfile,
  type ResolutionClass,
  type RulesetProfile,
  type TvFormat,
  type TvProfile,
} from './profile-schema.js';
export { defaultProfileFor, getProfile, listProfiles } from './registry.js';
export {
  checkVolumeSize,
  chooseVolumeSize,
  type VolumeCheck,
  type VolumeOptions,
  type VolumePlan,
} from './volumes.js';
