/**
 * Volume sizes: which sizes a profile allows for a given payload, and which one a packer picks.
 * Sizes are exact bytes; `totalBytes` is the size of the whole RAR set the planner expects.
 */
import { AppError } from '../../shared/errors.js';
import type { RulesetProfile } from './profile-schema.js';

export interface VolumePlan {
  volumeSize: number;
  volumeCount: number;
}

export interface VolumeOptions {
  /** Standard-definition video: unlocks the SD-only sizes of profiles that have them. */
  standardDefinition?: boolean;
}

export type VolumeCheck = { ok: true } | { ok: false; reason: string };

type VolumeRules = RulesetProfile['archive']['volumeSizes'];

function volumeCountFor(totalBytes: number, volumeSize: number): number {
  return Math.max(1, Math.ceil(totalBytes / volumeSize));
}

/**
 * The volume size a packer should use for `totalBytes`, following the profile's preference, the
 * step-up rule and the volume cap. Throws `release.too_many_volumes` when no allowed size fits.
 */
export function chooseVolumeSize(
  profile: RulesetProfile,
  totalBytes: number,
  options: VolumeOptions = {},
): VolumePlan {
  assertByteCount(totalBytes);
  const rules = profile.archive.volumeSizes;
  const fixed = fixedSizes(rules, options);
  const size =
    rules.prefer === 'smallest'
      ? smallestFitting(rules, fixed, totalBytes, profile.archive.maxVolumes)
      : climb(rules, fixed, totalBytes);
  const volumeCount = volumeCountFor(totalBytes, size);
  if (volumeCount > profile.archive.maxVolumes) {
    throw tooManyVolumes(profile, totalBytes);
  }
  return { volumeSize: size, volumeCount };
}

/** Whether `volumeSize` is legal for a set of `totalBytes` under the profile. */
export function checkVolumeSize(
  profile: RulesetProfile,
  volumeSize: number,
  totalBytes: number,
  options: VolumeOptions = {},
): VolumeCheck {
  const rules = profile.archive.volumeSizes;
  const listed = fixedSizes(rules, options).includes(volumeSize);
  const multiple = rules.multipleOf !== null && volumeSize % rules.multipleOf === 0;
  if (!listed && !multiple) {
    return { ok: false, reason: `${volumeSize} bytes is not an allowed volume size` };
  }
  const count = volumeCountFor(totalBytes, volumeSize);
  if (count > profile.archive.maxVolumes) {
    return {
      ok: false,
      reason: `${volumeSize}-byte volumes give ${count} volumes; at most ${profile.archive.maxVolumes} are allowed`,
    };
  }
  return listed ? { ok: true } : checkStepUp(rules, volumeSize, totalBytes);
}

function checkStepUp(rules: VolumeRules, volumeSize: number, totalBytes: number): VolumeCheck {
  const step = rules.multipleOf ?? volumeSize;
  const minimum = rules.stepUpMinVolumes;
  if (minimum === null || volumeSize === step) {
    return { ok: true };
  }
  const below = volumeSize - step;
  const countBelow = Math.ceil(totalBytes / below);
  if (countBelow >= minimum) {
    return { ok: true };
  }
  return {
    ok: false,
    reason: `${volumeSize}-byte volumes break the step-up rule: ${below}-byte volumes would give ${countBelow}, fewer than ${minimum}`,
  };
}

function fixedSizes(rules: VolumeRules, options: VolumeOptions): number[] {
  if (rules.fixedOnlyForSd && options.standardDefinition !== true) {
    return [];
  }
  return [...rules.fixed].sort((a, b) => a - b);
}

function smallestFitting(
  rules: VolumeRules,
  fixed: number[],
  totalBytes: number,
  maxVolumes: number,
): number {
  const fitting = fixed.find((size) => volumeCountFor(totalBytes, size) <= maxVolumes);
  if (fitting !== undefined || rules.multipleOf === null) {
    // Without multiples, the largest listed size is the last resort; the caller reports it.
    return fitting ?? fixed[fixed.length - 1] ?? 0;
  }
  // The first multiple that fits: the one below it gave more than maxVolumes (≥ the step-up
  // minimum), so the step-up rule holds by construction.
  const n = Math.max(1, Math.ceil(totalBytes / (maxVolumes * rules.multipleOf)));
  return n * rules.multipleOf;
}

function climb(rules: VolumeRules, fixed: number[], totalBytes: number): number {
  let index = 0;
  let size = ladderSize(rules, fixed, index) ?? 0;
  while (volumeCountFor(totalBytes, size) >= rules.climbAt) {
    const next = ladderSize(rules, fixed, index + 1);
    if (next === undefined) {
      break;
    }
    index += 1;
    size = next;
  }
  return size;
}

/** The index-th size of the ladder: the listed sizes, then the multiples above them. */
function ladderSize(rules: VolumeRules, fixed: number[], index: number): number | undefined {
  if (index < fixed.length) {
    return fixed[index];
  }
  if (rules.multipleOf === null) {
    return undefined;
  }
  return (index - fixed.length + 1) * rules.multipleOf;
}

function assertByteCount(totalBytes: number): void {
  if (!Number.isSafeInteger(totalBytes) || totalBytes < 0) {
    throw new RangeError(`totalBytes must be a non-negative integer, got ${totalBytes}`);
  }
}

function tooManyVolumes(profile: RulesetProfile, totalBytes: number): AppError {
  return new AppError(
    'release.too_many_volumes',
    `${totalBytes} bytes need more than ${profile.archive.maxVolumes} volumes even at the largest size ${profile.id} allows`,
    { details: { profile: profile.id, totalBytes, maxVolumes: profile.archive.maxVolumes } },
  );
}
