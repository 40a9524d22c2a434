/** TV-specific name checks (scene-rules.md §5, TV dirname and tags). */
import type { TvProfile } from '../rules/index.js';
import { error, type NameFinding } from './findings.js';
import { languageOfToken } from './languages.js';
import { parseTvName, type TvNameFields } from './tv-name.js';
import { checkTvTags } from './tv-tags.js';

export function validateTvName(name: string, profile: TvProfile): NameFinding[] {
  const parsed = parseTvName(name);
  if (!parsed.ok) {
    return [error('tv.structure', `Not a TV name: ${parsed.reason}`)];
  }
  const fields = parsed.value;
  return [
    ...formatFindings(fields, profile),
    ...checkTvTags(fields.tags, profile.naming).map((p) => error(p.rule, p.message)),
    ...languageFindings(fields),
  ];
}

function formatFindings(fields: TvNameFields, profile: TvProfile): NameFinding[] {
  const same = (a: string | null, b: string | null) =>
    (a ?? '').toUpperCase() === (b ?? '').toUpperCase();
  const format = profile.naming.formats.find(
    (f) => same(f.source, fields.source) && same(f.codec, fields.codec),
  );
  if (format === undefined) {
    const allowed = profile.naming.formats.map((f) => `${f.source}.${f.codec}`).join(', ');
    const found = [fields.source, fields.codec].filter((t) => t !== null).join('.');
    return [error('tv.format', `${found} is not a format of ${profile.id}; use ${allowed}`)];
  }
  const ok = format.resolutions.some((r) => same(r, fields.resolution));
  if (ok) {
    return [];
  }
  const allowed = format.resolutions.map((r) => r ?? 'no resolution').join(', ');
  return [
    error(
      'tv.resolution',
      `${fields.resolution ?? 'No resolution'} does not go with ${format.source}.${format.codec} here; use ${allowed}`,
    ),
  ];
}

function languageFindings(fields: TvNameFields): NameFinding[] {
  const findings: NameFinding[] = [];
  if (fields.language !== null && languageOfToken(fields.language)?.isEnglish === true) {
    findings.push(error('tv.language', 'English releases carry no language tag'));
  }
  if (fields.country === 'GB') {
    findings.push(error('tv.country', 'Write UK, not GB'));
  }
  return findings;
}
