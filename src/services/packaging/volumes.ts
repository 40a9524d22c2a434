/** RAR volumes as files of a staging directory, and the proof that the writer kept to the plan. */
import type { ReleasePlan } from '../../core/plan.js';
import type { RarVolumeSink, WrittenVolume } from '../../core/rar/rar-writer.js';
import { AppError } from '../../shared/errors.js';
import type { Staging } from '../../storage/ports.js';

/** A volume written to `path`; its headers are patched in place once it is complete. */
export async function volumeSink(
  staging: Staging,
  path: string,
  afterPatch?: () => Promise<void>,
): Promise<RarVolumeSink> {
  return {
    stream: await staging.createFile(path),
    patch: async (edits) => {
      await staging.patch(path, edits);
      await afterPatch?.();
    },
  };
}

/** The NFO already states the volume count and sizes: the archive must match them exactly. */
export function assertFollowsPlan(plan: ReleasePlan, written: readonly WrittenVolume[]): void {
  const planned = plan.rar.volumes;
  const same =
    planned.length === written.length &&
    planned.every((v, i) => {
      const w = written[i];
      return w?.name === v.name && w.size === v.size;
    });
  if (!same) {
    throw new AppError('internal.unexpected', 'The RAR writer did not follow the release plan', {
      details: { planned: planned.length, written: written.length },
    });
  }
}
