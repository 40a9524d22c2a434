import type { Release } from '../../src/domain/entities.js';
import type { Repositories } from '../../src/db/ports.js';
import { newId, nextDate, nextSeq } from './sequence.js';
import { ownerId } from './user.js';

export function buildRelease(overrides: Partial<Release> = {}): Release {
  const at = nextDate();
  const n = nextSeq();
  return {
    id: newId(),
    userId: newId(),
    jobId: null,
    name: `Some.Author-Book.Title.${n}.${newId().slice(0, 8)}-2025-RETAiL-EPUB-eBook-SCENE`,
    type: 'EBOOK',
    groupName: 'SCENE',
    profile: 'ebook-2021',
    status: 'ready',
    outputDir: `/data/releases/${n}`,
    sizeBytes: 1_048_576 * n,
    fileCount: 4,
    metadata: { title: 'Book Title', authors: ['Some Author'] },
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** Inserts a release; creates its user when `userId` is not given. */
export async function createRelease(
  repos: Pick<Repositories, 'users' | 'releases'>,
  overrides: Partial<Release> = {},
): Promise<Release> {
  const userId = await ownerId(repos, overrides.userId);
  return repos.releases.create(buildRelease({ ...overrides, userId }));
}
