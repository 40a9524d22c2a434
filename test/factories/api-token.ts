import type { ApiToken } from '../../src/domain/entities.js';
import type { Repositories } from '../../src/db/ports.js';
import { newId, nextDate, uniqueName } from './sequence.js';
import { ownerId } from './user.js';

export function buildApiToken(overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    id: newId(),
    userId: newId(),
    name: uniqueName('token'),
    prefix: 'spk_ab12',
    tokenHash: uniqueName('token-hash'),
    createdAt: nextDate(),
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

/** Inserts a token; creates its user when `userId` is not given. */
export async function createApiToken(
  repos: Pick<Repositories, 'users' | 'apiTokens'>,
  overrides: Partial<ApiToken> = {},
): Promise<ApiToken> {
  const userId = await ownerId(repos, overrides.userId);
  return repos.apiTokens.create(buildApiToken({ ...overrides, userId }));
}
