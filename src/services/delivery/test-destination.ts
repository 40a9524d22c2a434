/**
 * `testDestination`: can we deliver there right now? A fresh connection every time (a cached
 * session would hide a changed password or host key), login, the folder exists, and a probe file
 * can be written, checked and deleted. The answer names the precise reason when not.
 */
import { randomUUID } from 'node:crypto';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import type { DeliveryTarget, UploaderFactory } from '../../delivery/ports.js';
import { AppError } from '../../shared/errors.js';
import type { DestinationTestResult } from './types.js';
import { validateTarget } from './validate-target.js';

const PROBE = Buffer.from('scenepacker destination test\n');

function failure(error: unknown): DestinationTestResult {
  if (error instanceof AppError) {
    const details =
      typeof error.details === 'object' && error.details !== null ? error.details : {};
    return { success: false, message: error.message, details: { code: error.code, ...details } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { success: false, message, details: { code: 'internal.unexpected' } };
}

function missingFolder(target: DeliveryTarget, what: string): AppError {
  return new AppError('delivery.path_missing', `The folder ${target.remotePath} ${what}`, {
    details: { step: 'stat', path: target.remotePath },
  });
}

async function probe(
  uploaders: UploaderFactory,
  target: DeliveryTarget,
): Promise<Record<string, unknown>> {
  const uploader = uploaders(target);
  try {
    const info = await uploader.connect();
    const entry = await uploader.stat(target.remotePath);
    if (entry === undefined) {
      throw missingFolder(target, 'does not exist');
    }
    if (entry.kind !== 'directory') {
      throw missingFolder(target, 'is a file, not a folder');
    }
    const path = posix.join(target.remotePath, `.scenepacker-probe-${randomUUID().slice(0, 8)}`);
    const source = {
      size: PROBE.length,
      open: (offset: number) => Readable.from([PROBE.subarray(offset)]),
    };
    await uploader.upload(path, source, { offset: 0 });
    await uploader.verify(path, { size: PROBE.length });
    await uploader.remove(path);
    return { banner: info.banner, security: info.security, checksums: info.checksums };
  } finally {
    await uploader.close();
  }
}

export async function testDestination(
  uploaders: UploaderFactory,
  target: DeliveryTarget,
): Promise<DestinationTestResult> {
  const issues = validateTarget(target);
  if (issues.length > 0) {
    const fields = issues.map((issue) => `${issue.path} ${issue.message}`).join('; ');
    return {
      success: false,
      message: `The destination settings are not valid: ${fields}`,
      details: { code: 'validation.failed', issues },
    };
  }
  try {
    const details = await probe(uploaders, target);
    const where =
      target.protocol === 'local'
        ? target.remotePath
        : `${target.host}:${String(target.port)}${posix.join('/', target.remotePath)}`;
    return { success: true, message: `Logged in and wrote a test file in ${where}`, details };
  } catch (error) {
    return failure(error);
  }
}
