/**
 * Checks a release name against a profile and lists what is wrong, without throwing: the
 * builder's own output must come back clean, and the conformance checker reuses this for
 * releases made by other tools.
 */
import type { RulesetProfile } from '../rules/index.js';
import { error, type NameContext, type NameFinding } from './findings.js';
import { splitGroup } from './group.js';
import { validateEbookName } from './validate-ebook.js';
import { validateTvName } from './validate-tv.js';

export function validateReleaseName(
  name: string,
  profile: RulesetProfile,
  context: NameContext = {},
): NameFinding[] {
  const findings = [...characterFindings(name, profile), ...groupFindings(name, profile)];
  const specific =
    profile.family === 'ebook'
      ? validateEbookName(name, profile, context)
      : validateTvName(name, profile);
  return [...findings, ...specific];
}

function characterFindings(name: string, profile: RulesetProfile): NameFinding[] {
  const { allowedCharacters, maxLength, punctuationRuns } = profile.naming;
  const findings: NameFinding[] = [];
  const outside = new RegExp(`(?!${allowedCharacters}).`, 'gsu');
  const bad = [...new Set(name.match(outside) ?? [])];
  if (bad.length > 0) {
    const shown = bad.map((c) => (c === ' ' ? 'space' : JSON.stringify(c))).join(', ');
    findings.push(
      error(
        'name.characters',
        `Only A-Z, a-z, 0-9, dot, underscore and hyphen are allowed; found ${shown}`,
      ),
    );
  }
  const runs = (name.match(/[._-]{2,}/g) ?? []).filter(
    (run) => !(punctuationRuns === 'allow-spaced-dash' && run === '.-.'),
  );
  if (runs.length > 0) {
    findings.push(
      error(
        'name.punctuation',
        `Consecutive punctuation is not allowed: ${[...new Set(runs)].join(' ')}`,
      ),
    );
  }
  if (name.length > maxLength) {
    findings.push(
      error(
        'name.length',
        `The name has ${name.length} characters; at most ${maxLength} are allowed`,
      ),
    );
  }
  return findings;
}

function groupFindings(name: string, profile: RulesetProfile): NameFinding[] {
  const split = splitGroup(name);
  if (split === null) {
    return [error('name.group', 'The name must end with -GROUP')];
  }
  if (!new RegExp(profile.naming.groupPattern).test(split.group)) {
    return [
      error('name.group', `Group "${split.group}" must be 2 to 32 letters, digits or underscores`),
    ];
  }
  return [];
}
