/**
 * The group tag: the text after the last hyphen of a release name. The pattern (2–32 of
 * [A-Za-z0-9_]) comes from the profile, so the wizard, API, CLI and batch all agree.
 */
import type { RulesetProfile } from '../rules/index.js';
import { AppError } from '../../shared/errors.js';

export function assertGroup(group: string, profile: RulesetProfile): string {
  if (!new RegExp(profile.naming.groupPattern).test(group)) {
    throw new AppError(
      'release.group_invalid',
      `Group "${group}" is not valid: use 2 to 32 letters, digits or underscores (no hyphen)`,
      { details: { group, pattern: profile.naming.groupPattern } },
    );
  }
  return group;
}

/** Splits "Body-GROUP" at the last hyphen; null when there is no hyphen or nothing after it. */
export function splitGroup(name: string): { body: string; group: string } | null {
  const at = name.lastIndexOf('-');
  if (at <= 0 || at === name.length - 1) {
    return null;
  }
  return { body: name.slice(0, at), group: name.slice(at + 1) };
}
