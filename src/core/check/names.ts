/**
 * Names: the release name through the release-name validator, and the names of the files in it
 * (lowercase, group tag, no spaces, 8.3 disks, unique) as the profile's file-name rules say.
 */
import { isDos83, validateReleaseName, type NameContext } from '../release-name/index.js';
import type { RulesetProfile } from '../rules/index.js';
import { error, warning } from './finding.js';
import { baseName } from './read.js';
import type { Finding, ReleaseEntry } from './types.js';

type NameKind = RulesetProfile['files']['names']['appliesTo'][number];

export function releaseNameFindings(
  name: string,
  profile: RulesetProfile,
  context: NameContext,
): Finding[] {
  return validateReleaseName(name, profile, context).map((finding) => ({
    level: finding.level,
    rule: finding.rule,
    message: finding.message,
  }));
}

/** The kind of a produced file, by its place and extension; null for files the rules skip. */
function kindOf(path: string, sampleDir: string | null): NameKind | null {
  const name = baseName(path).toLowerCase();
  const dir = path.includes('/') ? path.slice(0, path.indexOf('/')).toLowerCase() : '';
  if (sampleDir !== null && dir === sampleDir.toLowerCase()) {
    return 'sample';
  }
  if (dir === 'proof') {
    return 'proof';
  }
  if (/\.(rar|[r-z]\d{2})$/.test(name)) {
    return 'rar';
  }
  const extension = /\.(sfv|nfo|zip|diz)$/.exec(name)?.[1];
  return (extension as NameKind | undefined) ?? null;
}

export function fileNameFindings(
  entries: readonly ReleaseEntry[],
  profile: RulesetProfile,
  group: string | null,
): Finding[] {
  const rules = profile.files.names;
  const sampleDir = profile.sample?.dir ?? null;
  const findings: Finding[] = [];
  const seen = new Map<string, string>();
  for (const entry of entries.filter((e) => e.kind === 'file')) {
    const kind = kindOf(entry.path, sampleDir);
    if (kind === null || !rules.appliesTo.includes(kind)) {
      continue;
    }
    findings.push(...oneName(entry.path, kind, profile, group));
    const folded = entry.path.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier !== undefined) {
      const message = `"${entry.path}" and "${earlier}" differ only in case`;
      findings.push(error('names.unique', message, entry.path));
    }
    seen.set(folded, entry.path);
  }
  return findings;
}

function oneName(
  path: string,
  kind: NameKind,
  profile: RulesetProfile,
  group: string | null,
): Finding[] {
  const rules = profile.files.names;
  const name = baseName(path);
  const findings: Finding[] = [];
  // The DIZ name is fixed by the rules (FILE_ID.DIZ); case rules do not apply to it.
  if (rules.lowercase && kind !== 'diz' && name !== name.toLowerCase()) {
    // Where lowercase is only the profile's own safe choice (an assumption), it is advice.
    const advice = profile.assumptions.some((a) => a.setting === 'files.names.lowercase');
    const message = `"${name}" should be lowercase`;
    findings.push(
      advice ? warning('names.lowercase', message, path) : error('names.lowercase', message, path),
    );
  }
  if (
    rules.groupTag === 'required' &&
    group !== null &&
    !name.toLowerCase().includes(group.toLowerCase())
  ) {
    findings.push(
      warning('names.group_tag', `"${name}" does not carry the group tag "${group}"`, path),
    );
  }
  if (kind === 'zip' && rules.dos83.includes('zip') && !isDos83(name)) {
    findings.push(
      error('names.dos83', `"${name}" is not a DOS 8.3 name (at most 8.3 characters)`, path),
    );
  }
  return findings;
}
