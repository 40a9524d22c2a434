import type { PathRule } from '../../src/domain/entities.js';
import type { Repositories } from '../../src/db/ports.js';
import { newId, nextDate, uniqueName } from './sequence.js';

/** A global rule unless `scope`/`userId` say otherwise. */
export function buildPathRule(overrides: Partial<PathRule> = {}): PathRule {
  const at = nextDate();
  const groupName = uniqueName('GRP').replace(/-/g, '');
  return {
    id: newId(),
    scope: 'global',
    userId: null,
    groupName,
    releaseType: 'EBOOK',
    outputDir: `/data/releases/${groupName}`,
    inputDir: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function createPathRule(
  repos: Pick<Repositories, 'pathRules'>,
  overrides: Partial<PathRule> = {},
): Promise<PathRule> {
  return repos.pathRules.upsert(buildPathRule(overrides));
}
