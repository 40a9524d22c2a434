/**
 * The RAR set of a plan: the volume size the profile picks for the payload, then the exact
 * layout the writer will follow (the RAR planner), so the NFO can state "N x M MB" with the
 * real count before a byte is read.
 */
import { AppError } from '../../shared/errors.js';
import { planRar } from '../rar/rar-plan.js';
import { chooseVolumeSize, type RulesetProfile } from '../rules/index.js';
import type { RarSetPlan } from './types.js';

export interface RarSetRequest {
  profile: RulesetProfile;
  baseName: string;
  archivedName: string;
  payloadBytes: number;
  /** Unlocks SD-only sizes (TV). */
  standardDefinition?: boolean;
}

export function planRarSet(request: RarSetRequest): RarSetPlan {
  const { profile } = request;
  const options = { standardDefinition: request.standardDefinition === true };
  const first = layout(request, chooseVolumeSize(profile, request.payloadBytes, options));
  if (first.volumes.length <= profile.archive.maxVolumes) {
    return first;
  }
  // Headers add a few bytes per volume; at an exact boundary they can cost one volume more,
  // so choose again for the set's real size.
  const second = layout(request, chooseVolumeSize(profile, first.totalSize, options));
  if (second.volumes.length > profile.archive.maxVolumes) {
    throw tooManyVolumes(profile, request.payloadBytes, second.volumes.length);
  }
  return second;
}

function layout(request: RarSetRequest, choice: { volumeSize: number }): RarSetPlan {
  const plan = planRar([{ name: request.archivedName, size: request.payloadBytes }], {
    baseName: request.baseName,
    volumeSize: choice.volumeSize,
  });
  return {
    baseName: request.baseName,
    volumeSize: choice.volumeSize,
    volumes: plan.volumes.map((volume) => ({ name: volume.name, size: volume.size })),
    totalSize: plan.totalSize,
  };
}

function tooManyVolumes(profile: RulesetProfile, bytes: number, count: number): AppError {
  return new AppError(
    'release.too_many_volumes',
    `${bytes} bytes need ${count} volumes; ${profile.id} allows at most ${profile.archive.maxVolumes}`,
    { details: { profile: profile.id, totalBytes: bytes, maxVolumes: profile.archive.maxVolumes } },
  );
}
