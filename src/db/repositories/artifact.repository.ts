import type { Artifact } from '../../domain/entities.js';
import { createCodec } from '../codec.js';
import { withDbErrors } from '../errors.js';
import type { ArtifactRepository } from '../ports.js';
import type { ArtifactsTable } from '../tables.js';
import type { Db } from './shared.js';

const codec = createCodec<Artifact, ArtifactsTable>({ createdAt: 'date' });

/** Rows per INSERT: well under SQLite's and MySQL's bound-parameter limits (8 columns each). */
const BATCH = 500;

/** A release listing reads like a directory: by path, compared by code unit on every dialect. */
function byPath(a: Artifact, b: Artifact): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export function createArtifactRepository(db: Db): ArtifactRepository {
  const listBy = async (column: 'jobId' | 'releaseId', value: string) => {
    const rows = await db.selectFrom('artifacts').selectAll().where(column, '=', value).execute();
    return rows.map((row) => codec.decode(row)).sort(byPath);
  };

  const repository: ArtifactRepository = {
    async createMany(artifacts) {
      for (let start = 0; start < artifacts.length; start += BATCH) {
        const rows = artifacts.slice(start, start + BATCH).map((a) => codec.encode(a));
        await db.insertInto('artifacts').values(rows).execute();
      }
    },
    listForJob: (jobId) => listBy('jobId', jobId),
    listForRelease: (releaseId) => listBy('releaseId', releaseId),
  };
  return withDbErrors('artifacts', repository);
}
