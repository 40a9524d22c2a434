/** eBOOK-specific name checks (scene-rules.md §5, eBOOK dirname). */
import type { EbookProfile } from '../rules/index.js';
import { parseEbookName, type EbookNameFields } from './ebook-name.js';
import { error, warning, type NameContext, type NameFinding } from './findings.js';
import { languageOfToken } from './languages.js';

type Naming = EbookProfile['naming'];

export function validateEbookName(
  name: string,
  profile: EbookProfile,
  context: NameContext,
): NameFinding[] {
  const parsed = parseEbookName(name);
  if (!parsed.ok) {
    return [error('ebook.structure', `Not an eBOOK name: ${parsed.reason}`)];
  }
  const fields = parsed.value;
  return [
    ...requiredTokens(fields),
    ...tagFindings(fields, profile.naming),
    ...orderFindings(name, fields),
    ...formatFindings(fields, profile.naming, context.format),
    ...typeFindings(fields, profile.naming, context.kind),
  ];
}

function requiredTokens(fields: EbookNameFields): NameFinding[] {
  const findings: NameFinding[] = [];
  if (fields.year === null) {
    findings.push(
      error('ebook.year', 'A four-digit year (19xx or 20xx) is required before the tags'),
    );
  }
  if (fields.source === null) {
    findings.push(error('ebook.source', 'A source tag is required: RETAiL, HYBRiD or SCAN'));
  }
  if (fields.language !== null && languageOfToken(fields.language)?.isEnglish === true) {
    findings.push(error('ebook.language', 'English releases carry no language tag'));
  }
  return findings;
}

function tagFindings(fields: EbookNameFields, naming: Naming): NameFinding[] {
  const convention = new Set(naming.conventionTags.map((t) => t.toUpperCase()));
  return [
    ...fields.unknownTags.map((tag) =>
      error('ebook.tags', `"${tag}" is not an allowed tag (${naming.extraTags.join(', ')})`),
    ),
    ...fields.extraTags
      .filter((tag) => convention.has(tag.toUpperCase()))
      .map((tag) =>
        warning('ebook.tags_convention', `${tag} is used by convention but not named by the rules`),
      ),
  ];
}

/** Extra tags sit between the source and the format tag. */
function orderFindings(name: string, fields: EbookNameFields): NameFinding[] {
  const tokens = name.slice(0, name.lastIndexOf('-')).split('.');
  const at = (token: string | null) => (token === null ? -1 : tokens.lastIndexOf(token));
  const source = at(fields.source);
  const format = fields.format === null ? tokens.length : at(fields.format);
  const misplaced = fields.extraTags.filter((tag) => at(tag) < source || at(tag) > format);
  return misplaced.map((tag) =>
    error('ebook.tag_order', `${tag} must sit between the source tag and the format tag`),
  );
}

function formatFindings(
  fields: EbookNameFields,
  naming: Naming,
  payload: string | undefined,
): NameFinding[] {
  const findings: NameFinding[] = [];
  const nonScene = naming.nonSceneFormats.find((f) => f === fields.format?.toUpperCase());
  if (nonScene !== undefined) {
    const internal = fields.extraTags.some(
      (t) => t.toUpperCase() === naming.nonSceneTag.toUpperCase(),
    );
    const message = `${nonScene} is not covered by any scene ruleset`;
    findings.push(
      internal
        ? warning('ebook.non_scene_format', message)
        : error(
            'ebook.non_scene_format',
            `${message}; it can only be an ${naming.nonSceneTag} release`,
          ),
    );
  }
  if (fields.source?.toUpperCase() === 'SCAN' && fields.format !== null) {
    findings.push(error('ebook.scan_pdf', 'SCAN releases must be PDF (no format tag)'));
  }
  if (payload !== undefined) {
    findings.push(...payloadFindings(fields, naming, payload));
  }
  return findings;
}

function payloadFindings(fields: EbookNameFields, naming: Naming, payload: string): NameFinding[] {
  const format = payload.toUpperCase() === 'AZW3' ? 'KF8' : payload.toUpperCase();
  const known = naming.formats.find((f) => f.format === format);
  const expected = known === undefined ? format : known.tag;
  if ((expected ?? '').toUpperCase() === (fields.format ?? '').toUpperCase()) {
    return [];
  }
  const message =
    expected === null
      ? `The payload is ${format}: the name must carry no format tag`
      : `The payload is ${format}: the name must carry the ${expected} tag`;
  return [error('ebook.format', message)];
}

function typeFindings(
  fields: EbookNameFields,
  naming: Naming,
  kind: NameContext['kind'],
): NameFinding[] {
  const expected = kind === undefined ? undefined : naming.typeTags[kind];
  const actual = fields.typeTag?.toUpperCase() ?? null;
  if (expected === undefined) {
    return actual === null || kind === undefined
      ? []
      : [error('ebook.type_tag', `A ${kind} takes no ${String(fields.typeTag)} tag`)];
  }
  if (actual === expected.toUpperCase()) {
    return [];
  }
  if (actual === null) {
    // MAGAZiNE, COMiC and MANGA may be left out when the word is already in the title.
    const inTitle = fields.head.toUpperCase().split('.').includes(expected.toUpperCase());
    return inTitle ? [] : [error('ebook.type_tag', `A ${kind ?? ''} needs the ${expected} tag`)];
  }
  const mixUp =
    ['COMIC', 'MANGA'].includes(actual) && ['COMIC', 'MANGA'].includes(expected.toUpperCase());
  const message = `A ${kind ?? ''} takes the ${expected} tag, not ${String(fields.typeTag)}`;
  return [mixUp ? warning('ebook.type_tag', message) : error('ebook.type_tag', message)];
}
