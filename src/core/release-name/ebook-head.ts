/**
 * The head of an eBOOK name, per kind of release (scene-rules.md §1.2): who made it, the title,
 * and what identifies this edition or issue.
 */
import type { EbookProfile } from '../rules/index.js';
import { joinComponents, toNameComponent } from './components.js';
import { invalidName, titleRequired } from './name-errors.js';
import type { FitParts } from './shorten.js';

export const EBOOK_KINDS = [
  'fiction',
  'technical',
  'magazine',
  'comic',
  'manga',
  'newspaper',
  'xxx',
] as const;
export type EbookKind = (typeof EBOOK_KINDS)[number];

export interface HeadInput {
  title: string;
  author?: string | null;
  publisher?: string | null;
  edition?: string | number | null;
  volume?: string | number | null;
  issue?: string | number | null;
  date?: string | null;
}

export function assembleHead(kind: EbookKind, input: HeadInput, profile: EbookProfile): FitParts {
  const title = toNameComponent(input.title);
  if (title === '') {
    throw titleRequired();
  }
  switch (kind) {
    case 'fiction':
    case 'xxx':
      return {
        lead: creator(input.author, input.publisher, kind === 'fiction'),
        title,
        trail: edition(input.edition),
      };
    case 'technical':
      return {
        lead: creator(input.publisher, input.author, true),
        title,
        trail: edition(input.edition),
      };
    case 'magazine':
      return { lead: null, title, trail: periodical(input, profile, 'an issue or a date') };
    case 'comic':
    case 'manga':
      return { lead: null, title, trail: series(input, profile) };
    case 'newspaper':
      return { lead: null, title, trail: required(component(input.date), 'date', 'a date') };
  }
}

/** The first of two creators that survives sanitising; required for books. */
function creator(
  first: string | null | undefined,
  second: string | null | undefined,
  isRequired: boolean,
): string | null {
  const found = component(first) ?? component(second);
  if (found === null && isRequired) {
    throw invalidName('author', 'An author or a publisher is required');
  }
  return found;
}

function periodical(input: HeadInput, profile: EbookProfile, what: string): string {
  const trail = joinComponents([issue(input.issue, profile), component(input.date)]);
  return required(trail === '' ? null : trail, 'issue', what);
}

function series(input: HeadInput, profile: EbookProfile): string {
  const trail = joinComponents([
    volume(input.volume),
    issue(input.issue, profile),
    component(input.date),
  ]);
  return required(trail === '' ? null : trail, 'volume', 'a volume or an issue');
}

function required(value: string | null, field: string, what: string): string {
  if (value === null) {
    throw invalidName(field, `This kind of release needs ${what}`);
  }
  return value;
}

function component(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  const text = toNameComponent(String(value));
  return text === '' ? null : text;
}

function edition(value: string | number | null | undefined): string | null {
  const number = wholeNumber(value);
  return number === null ? component(value) : `${ordinal(number)}.Edition`;
}

function volume(value: string | number | null | undefined): string | null {
  const number = wholeNumber(value);
  return number === null ? component(value) : `Vol.${number}`;
}

function issue(value: string | number | null | undefined, profile: EbookProfile): string | null {
  const number = wholeNumber(value);
  const prefix = profile.naming.issuePrefix;
  return number === null ? component(value) : `${prefix}${String(number).padStart(2, '0')}`;
}

function wholeNumber(value: string | number | null | undefined): number | null {
  const text = typeof value === 'number' ? String(value) : (value ?? '').trim();
  return /^\d{1,6}$/.test(text) ? Number(text) : null;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
