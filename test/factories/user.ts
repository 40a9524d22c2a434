import type { User } from '../../src/domain/entities.js';
import type { Repositories } from '../../src/db/ports.js';
import { newId, nextDate, nextSeq, uniqueName } from './sequence.js';

export function buildUser(overrides: Partial<User> = {}): User {
  const at = nextDate();
  const username = uniqueName('user').replace(/-/g, '_');
  return {
    id: newId(),
    username,
    email: `${username}@example.test`,
    displayName: `User ${nextSeq()}`,
    role: 'operator',
    disabled: false,
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    mustChangePassword: false,
    createdAt: at,
    updatedAt: at,
    lastLoginAt: null,
    ...overrides,
  };
}

export function createUser(
  repos: Pick<Repositories, 'users'>,
  overrides: Partial<User> = {},
): Promise<User> {
  return repos.users.create(buildUser(overrides));
}

/** The id in `overrides.userId`, or a new user's id. */
export async function ownerId(
  repos: Pick<Repositories, 'users'>,
  userId: string | undefined,
): Promise<string> {
  return userId ?? (await createUser(repos)).id;
}
