/**
 * NFO rendering under a profile: the profile's width, encoding and line endings, the default
 * template of the release type unless the user gives one, and a warning for every mandatory
 * field the NFO would lack.
 */
import type { ReleaseType } from '../../domain/enums.js';
import type { RulesetProfile } from '../rules/index.js';
import {
  renderTemplate,
  type LineEnding,
  type RenderResult,
  type TemplateWarning,
  type TextEncoding,
} from '../text-template/index.js';
import { DOCS_NFO_TEMPLATE } from './templates/docs.js';
import { EBOOK_NFO_TEMPLATE } from './templates/ebook.js';
import { TV_NFO_TEMPLATE } from './templates/tv.js';

export interface NfoRequest {
  type: ReleaseType;
  profile: RulesetProfile;
  variables: Readonly<Record<string, unknown>>;
  /** A user template; the type's default when absent. */
  template?: string | null;
  timeLimitMs?: number;
  /** Overrides the profile's encoding (CP437 by default) and line endings. */
  encoding?: TextEncoding;
  lineEnding?: LineEnding;
}

const DEFAULT_TEMPLATES: Record<ReleaseType, string> = {
  EBOOK: EBOOK_NFO_TEMPLATE,
  DOCS: DOCS_NFO_TEMPLATE,
  TV: TV_NFO_TEMPLATE,
};

const FIX_TAG = /(^|\.)(PROPER|REPACK|RERIP|[A-Z]*FIX)(\.|-|$)/i;

export function defaultNfoTemplate(type: ReleaseType): string {
  return DEFAULT_TEMPLATES[type];
}

export function renderNfo(request: NfoRequest): RenderResult {
  const template = request.template ?? defaultNfoTemplate(request.type);
  const { nfo } = request.profile;
  const result = renderTemplate(template, request.variables, {
    encoding: request.encoding ?? nfo.encoding,
    lineEnding: request.lineEnding ?? nfo.lineEnding,
    maxWidth: nfo.maxWidth,
    ...(request.timeLimitMs === undefined ? {} : { timeLimitMs: request.timeLimitMs }),
  });
  const missing = missingFields(template, request.variables, request.profile);
  return { ...result, warnings: [...result.warnings, ...missing] };
}

/** Mandatory NFO fields that are empty in the data or absent from the template. */
function missingFields(
  template: string,
  variables: Readonly<Record<string, unknown>>,
  profile: RulesetProfile,
): TemplateWarning[] {
  const used = usedNames(template);
  return profile.nfo.requiredFields
    .filter((field) => applies(field.when, variables))
    .filter((field) => !field.anyOf.some((name) => used.has(name) && filled(variables[name])))
    .map((field) => ({
      code: 'missing_field' as const,
      line: null,
      message: `The NFO lacks a mandatory field: ${field.explanation} (${field.anyOf.join(' or ')})`,
    }));
}

function applies(when: string, variables: Readonly<Record<string, unknown>>): boolean {
  switch (when) {
    case 'retail':
      return text(variables.source).toUpperCase() === 'RETAIL';
    case 'transcode':
      return variables.transcoded === true;
    case 'fix':
      return FIX_TAG.test(text(variables.release_name).replace(/-[^-]*$/, ''));
    default:
      return true;
  }
}

/** Identifiers that appear inside the template's tags and outputs. */
function usedNames(template: string): Set<string> {
  const code = template.match(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g) ?? [];
  return new Set(code.flatMap((chunk) => chunk.match(/[A-Za-z_]\w*/g) ?? []));
}

function filled(value: unknown): boolean {
  return text(value).trim() !== '';
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
