import type { Session } from '../../src/domain/entities.js';
import type { Repositories } from '../../src/db/ports.js';
import { newId, nextDate, uniqueName } from './sequence.js';
import { ownerId } from './user.js';

export function buildSession(overrides: Partial<Session> = {}): Session {
  const at = nextDate();
  return {
    id: newId(),
    userId: newId(),
    familyId: newId(),
    tokenHash: uniqueName('session-hash'),
    createdAt: at,
    expiresAt: new Date(at.getTime() + 30 * 24 * 3600 * 1000),
    revokedAt: null,
    replacedById: null,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) scenepacker-test',
    ip: '127.0.0.1',
    ...overrides,
  };
}

/** Inserts a session; creates its user when `userId` is not given. */
export async function createSession(
  repos: Pick<Repositories, 'users' | 'sessions'>,
  overrides: Partial<Session> = {},
): Promise<Session> {
  const userId = await ownerId(repos, overrides.userId);
  return repos.sessions.create(buildSession({ ...overrides, userId }));
}
