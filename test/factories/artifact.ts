import type { Artifact } from '../../src/domain/entities.js';
import { newId, nextDate, uniqueName } from './sequence.js';

/** Artifacts are written in batches (`createMany`), so there is only a builder. */
export function buildArtifact(overrides: Partial<Artifact> = {}): Artifact {
  return {
    id: newId(),
    jobId: null,
    releaseId: null,
    path: `${uniqueName('file')}.rar`,
    kind: 'archive',
    sizeBytes: 15_000_000,
    crc32: 'DEADBEEF',
    createdAt: nextDate(),
    ...overrides,
  };
}
