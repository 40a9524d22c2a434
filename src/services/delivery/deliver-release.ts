/**
 * `deliverRelease`: one release folder to several destinations at once. Each destination runs on
 * its own (its own connection, retries and `deliveries` row): one failing never stops the others,
 * and the answer lists every destination's outcome. Only a folder that is not a release fails
 * the whole call, before anything is sent.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { checkRelease, orderForUpload, type LocalFile } from '../../delivery/ports.js';
import { AppError } from '../../shared/errors.js';
import { DestinationRun } from './destination-run.js';
import type { DeliverRequest, DeliveryDeps, DestinationOutcome } from './types.js';
import { pathIssue } from './validate-target.js';

const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000];

async function listRelease(
  deps: DeliveryDeps,
  releaseDir: string,
  name: string,
): Promise<LocalFile[]> {
  const files = await deps.files.list(releaseDir);
  if (files === undefined) {
    throw new AppError('release.not_a_release', `The release folder ${releaseDir} does not exist`, {
      details: { reason: 'missing', releaseDir },
    });
  }
  const check = checkRelease(name, files);
  if (check.kind === 'not_a_release') {
    throw new AppError('release.not_a_release', check.message, {
      details: { reason: check.reason, releaseDir },
    });
  }
  const unsafe = files.find((file) => pathIssue(file.path) !== undefined);
  if (unsafe !== undefined) {
    throw new AppError(
      'release.not_a_release',
      `The file name "${unsafe.path}" cannot be uploaded`,
      {
        details: { reason: 'bad_file_name', releaseDir },
      },
    );
  }
  return files;
}

export async function deliverRelease(
  deps: DeliveryDeps,
  request: DeliverRequest,
): Promise<DestinationOutcome[]> {
  const releaseName = basename(request.releaseDir);
  const plan = orderForUpload(await listRelease(deps, request.releaseDir, releaseName));
  const settings = {
    deps: {
      ...deps,
      newId: deps.newId ?? randomUUID,
      retryDelaysMs: deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    },
    releaseDir: request.releaseDir,
    releaseName,
    plan,
    jobId: request.jobId ?? null,
    releaseId: request.releaseId ?? null,
    signal: request.signal,
    onEvent: request.onEvent,
  };
  return Promise.all(
    request.destinations.map((destination) =>
      new DestinationRun({ ...settings, destination }).run(),
    ),
  );
}
