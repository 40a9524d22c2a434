import type { Destination } from '../../src/domain/entities.js';
import type { Repositories } from '../../src/db/ports.js';
import { newId, nextDate, uniqueName } from './sequence.js';
import { ownerId } from './user.js';

export function buildDestination(overrides: Partial<Destination> = {}): Destination {
  const at = nextDate();
  return {
    id: newId(),
    userId: newId(),
    name: uniqueName('site'),
    protocol: 'ftps',
    host: 'ftp.example.test',
    port: 21,
    username: 'uploader',
    passwordEnc: 'enc:v1:AAAA:BBBB:CCCC',
    privateKeyEnc: null,
    passphraseEnc: null,
    hostKeyFingerprint: null,
    tlsFingerprint: null,
    remotePath: '/incoming',
    passive: true,
    timeoutMs: 30_000,
    groupName: null,
    releaseType: null,
    enabled: true,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** Inserts a destination; creates its user when `userId` is not given. */
export async function createDestination(
  repos: Pick<Repositories, 'users' | 'destinations'>,
  overrides: Partial<Destination> = {},
): Promise<Destination> {
  const userId = await ownerId(repos, overrides.userId);
  return repos.destinations.create(buildDestination({ ...overrides, userId }));
}
