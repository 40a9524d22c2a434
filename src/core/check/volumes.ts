/**
 * Volume sizes against the profile: at most the allowed count, every volume but the last the
 * same size, that size allowed (listed, or a multiple under the step-up rule), and a set that
 * should have been split not left whole.
 */
import { AppError } from '../../shared/errors.js';
import { checkVolumeSize, chooseVolumeSize, type RulesetProfile } from '../rules/index.js';
import { error } from './finding.js';
import type { Finding } from './types.js';

export interface SizedVolume {
  name: string;
  size: number;
  /** Release-relative path to name in findings. */
  file: string;
}

export function volumeFindings(
  volumes: readonly SizedVolume[],
  profile: RulesetProfile,
  standardDefinition: boolean,
): Finding[] {
  const [first] = volumes;
  if (first === undefined) {
    return [];
  }
  const { maxVolumes } = profile.archive;
  const findings: Finding[] = [];
  if (volumes.length > maxVolumes) {
    const message = `The set has ${volumes.length} volumes; at most ${maxVolumes} are allowed`;
    findings.push(error('volumes.too_many', message));
  }
  if (volumes.length === 1) {
    return [...findings, ...unsplitFindings(first, profile, standardDefinition)];
  }
  const unequal = volumes
    .slice(1, -1)
    .filter((volume) => volume.size !== first.size)
    .map((volume) =>
      error(
        'volumes.unequal',
        `"${volume.name}" is ${volume.size} bytes; every volume but the last must be ${first.size} bytes like the first`,
        volume.file,
      ),
    );
  const last = volumes[volumes.length - 1] ?? first;
  if (last.size > first.size) {
    const message = `The last volume is ${last.size} bytes, larger than the others (${first.size})`;
    unequal.push(error('volumes.unequal', message, last.file));
  }
  const total = volumes.reduce((sum, volume) => sum + volume.size, 0);
  const verdict = checkVolumeSize(profile, first.size, total, { standardDefinition });
  if (!verdict.ok) {
    findings.push(error('volumes.size', verdict.reason, first.file));
  }
  return [...findings, ...unequal];
}

/** One volume is fine only when the profile would not have split it either. */
function unsplitFindings(
  volume: SizedVolume,
  profile: RulesetProfile,
  standardDefinition: boolean,
): Finding[] {
  try {
    const plan = chooseVolumeSize(profile, volume.size, { standardDefinition });
    if (plan.volumeCount > 1) {
      return [
        error(
          'volumes.not_split',
          `A ${volume.size}-byte archive must be split into ${plan.volumeCount} volumes of ${plan.volumeSize} bytes`,
          volume.file,
        ),
      ];
    }
    return [];
  } catch (failure) {
    if (failure instanceof AppError) {
      return [error('volumes.too_large', failure.message, volume.file)];
    }
    throw failure;
  }
}
