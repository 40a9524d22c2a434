/**
 * Which files a release holds, against the profile's file rules: required files in the right
 * place and number, forbidden files and directories, and anything nobody asked for. The
 * contents of ZIP disks (`where: disk`) are judged by the disk checks.
 */
import type { RulesetProfile } from '../rules/index.js';
import { error, warning } from './finding.js';
import { baseName } from './read.js';
import type { Finding, ReleaseEntry } from './types.js';

type Where = RulesetProfile['files']['required'][number]['where'];

export interface LayoutOptions {
  sampleSkipped: boolean;
}

export function checkLayout(
  entries: readonly ReleaseEntry[],
  profile: RulesetProfile,
  options: LayoutOptions,
): Finding[] {
  const files = entries.filter((entry) => entry.kind === 'file');
  const forbidden = forbiddenFindings(files, profile);
  const flagged = new Set(forbidden.map((finding) => finding.file));
  return [
    ...requiredFindings(files, profile, options),
    ...forbidden,
    ...directoryFindings(entries, profile),
    ...unexpectedFindings(files, profile).filter((finding) => !flagged.has(finding.file)),
  ];
}

/** The files a rule of this place looks at. */
function filesAt(
  files: readonly ReleaseEntry[],
  where: Where,
  profile: RulesetProfile,
): ReleaseEntry[] {
  const sampleDir = profile.sample?.dir.toLowerCase() ?? 'sample';
  switch (where) {
    case 'root':
      return files.filter((file) => !file.path.includes('/'));
    case 'sample-dir':
      return files.filter((file) => dirOf(file.path).toLowerCase() === sampleDir);
    case 'proof-dir':
      return files.filter((file) => dirOf(file.path).toLowerCase() === 'proof');
    case 'anywhere':
      return [...files];
    case 'disk':
      return [];
  }
}

function requiredFindings(
  files: readonly ReleaseEntry[],
  profile: RulesetProfile,
  options: LayoutOptions,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of profile.files.required) {
    if (rule.where === 'disk') {
      continue;
    }
    const pattern = new RegExp(rule.pattern, 'i');
    const count = filesAt(files, rule.where, profile).filter((f) =>
      pattern.test(baseName(f.path)),
    ).length;
    const tooFew = count < rule.min;
    if (tooFew && rule.where === 'sample-dir' && options.sampleSkipped) {
      findings.push(warning(rule.id, 'No sample: the release was packed without one'));
    } else if (tooFew || (rule.max !== null && count > rule.max)) {
      findings.push(error(rule.id, `${rule.explanation} Found ${count}.`));
    }
  }
  return findings;
}

function forbiddenFindings(files: readonly ReleaseEntry[], profile: RulesetProfile): Finding[] {
  return profile.files.forbidden.flatMap((rule) => {
    const pattern = new RegExp(rule.pattern, 'i');
    const where = rule.where === 'disk' ? 'anywhere' : rule.where;
    return filesAt(files, where, profile)
      .filter((file) => pattern.test(baseName(file.path)))
      .map((file) => error(rule.id, rule.explanation, file.path));
  });
}

function directoryFindings(entries: readonly ReleaseEntry[], profile: RulesetProfile): Finding[] {
  const allowed = profile.files.allowedDirs.map((d) => d.toLowerCase());
  const forbidden = profile.files.forbiddenDirs.map((d) => d.toLowerCase());
  return entries
    .filter((entry) => entry.kind === 'directory')
    .flatMap((dir) => {
      const name = dir.path.toLowerCase();
      if (forbidden.includes(name)) {
        return [
          error('files.forbidden_dir', `The rules forbid a ${dir.path}/ directory`, dir.path),
        ];
      }
      if (!allowed.includes(name)) {
        return [
          error('files.unexpected_dir', `${dir.path}/ is not part of such a release`, dir.path),
        ];
      }
      return [];
    });
}

/** Files no rule accounts for (root and allowed directories). */
function unexpectedFindings(files: readonly ReleaseEntry[], profile: RulesetProfile): Finding[] {
  const wanted = profile.files.required.filter((rule) => rule.where !== 'disk');
  const extracted = profile.diz?.fileName.toLowerCase();
  return files
    .filter((file) => {
      const name = baseName(file.path);
      // Sites extract FILE_ID.DIZ from the first disk into the directory; it may be there.
      if (!file.path.includes('/') && name.toLowerCase() === extracted) {
        return false;
      }
      return !wanted.some(
        (rule) =>
          filesAt([file], rule.where, profile).length > 0 &&
          new RegExp(rule.pattern, 'i').test(name),
      );
    })
    .filter((file) => !isInForbiddenDir(file.path, profile))
    .map((file) =>
      error('files.unexpected', `"${file.path}" does not belong in this release`, file.path),
    );
}

function isInForbiddenDir(path: string, profile: RulesetProfile): boolean {
  const top = path.includes('/') ? path.slice(0, path.indexOf('/')).toLowerCase() : '';
  const allowed = profile.files.allowedDirs.map((d) => d.toLowerCase());
  return top !== '' && !allowed.includes(top);
}

function dirOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}
