import type { Preference } from '../../src/domain/entities.js';
import type { Repositories } from '../../src/db/ports.js';
import { newId, nextDate, uniqueName } from './sequence.js';

/** A global preference unless `scope`/`userId` say otherwise. */
export function buildPreference(overrides: Partial<Preference> = {}): Preference {
  const at = nextDate();
  return {
    id: newId(),
    scope: 'global',
    userId: null,
    key: uniqueName('pref.key'),
    value: { theme: 'dark', pageSize: 25 },
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function createPreference(
  repos: Pick<Repositories, 'preferences'>,
  overrides: Partial<Preference> = {},
): Promise<Preference> {
  return repos.preferences.upsert(buildPreference(overrides));
}
