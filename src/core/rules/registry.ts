/**
 * The known ruleset profiles, parsed through the schema once and frozen, so every caller reads
 * the same validated data and none can change it for the others.
 */
import type { ReleaseType } from '../../domain/enums.js';
import { notFound } from '../../shared/errors.js';
import { ebook2022 } from './profiles/ebook-2022.js';
import { tv720pHdtv2016 } from './profiles/tv-720p-hdtv-2016.js';
import { tvSd2016 } from './profiles/tv-sd-2016.js';
import { tvWeb2020 } from './profiles/tv-web-2020.js';
import { profileSchema, type RulesetProfile } from './profile-schema.js';

const PROFILES: readonly RulesetProfile[] = [ebook2022, tvWeb2020, tv720pHdtv2016, tvSd2016].map(
  (data) => deepFreeze(profileSchema.parse(data)),
);

const DEFAULTS: Record<ReleaseType, string> = {
  EBOOK: 'ebook-2022',
  DOCS: 'ebook-2022',
  TV: 'tv-web-2020',
};

export function listProfiles(): readonly RulesetProfile[] {
  return PROFILES;
}

/** The profile with this id; `resource.not_found` when there is none. */
export function getProfile(id: string): RulesetProfile {
  const profile = PROFILES.find((p) => p.id === id);
  if (profile === undefined) {
    throw notFound(`Ruleset profile "${id}"`);
  }
  return profile;
}

export function defaultProfileFor(type: ReleaseType): RulesetProfile {
  return getProfile(DEFAULTS[type]);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) {
      deepFreeze(child);
    }
    Object.freeze(value);
  }
  return value;
}
