/**
 * Failures of a pack as the codes users see: a full disk is `release.disk_full` whichever
 * stream noticed (a storage adapter already says so; a bare ENOSPC from anything else too), an
 * abort is `release.cancelled`. And the space check made before writing anything.
 */
import type { ReleasePlan } from '../../core/plan.js';
import { AppError, isAppError } from '../../shared/errors.js';
import type { Workspace } from '../../storage/ports.js';

/** Room for the headers, the NFO, the SFV and each ZIP's directory, beyond the RAR set. */
const OVERHEAD_BYTES = 1024 * 1024;
/** A sample is a minute of the episode; this share of it is a generous bound. */
const SAMPLE_SHARE = 0.1;

export function asPackError(error: unknown, signal: AbortSignal | undefined): unknown {
  if (isAppError(error) && error.code !== 'internal.unexpected') {
    return error;
  }
  const errno = (error as { code?: unknown } | null)?.code;
  if (errno === 'ENOSPC' || errno === 'EDQUOT') {
    return new AppError('release.disk_full', 'The disk is full; nothing was published', {
      cause: error,
    });
  }
  if (signal?.aborted === true) {
    return new AppError('release.cancelled', 'The pack was cancelled; nothing was published', {
      cause: error,
    });
  }
  return error;
}

/** Refuses before writing when the target's file system cannot hold the release. */
export async function assertRoom(
  workspace: Workspace,
  dir: string,
  plan: ReleasePlan,
): Promise<void> {
  const free = await workspace.freeBytes(dir);
  const needed = bytesNeeded(plan);
  if (free !== null && free < needed) {
    throw new AppError(
      'release.disk_full',
      `The release needs about ${Math.ceil(needed / 1e6)} MB and ${dir} has ${Math.floor(free / 1e6)} MB free`,
      { details: { needed, free } },
    );
  }
}

function bytesNeeded(plan: ReleasePlan): number {
  const rar = plan.rar.totalSize;
  if (plan.layout === 'zip-diz') {
    // Each disk is its volume plus a little; one loose volume waits for its disk at a time.
    return rar + plan.rar.volumeSize + OVERHEAD_BYTES;
  }
  return rar + (plan.sample === null ? 0 : rar * SAMPLE_SHARE) + OVERHEAD_BYTES;
}
