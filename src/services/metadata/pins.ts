/**
 * Manual id pins as users type them (`isbn:978-2-07-061275-8`, `olid:OL7353617M`, `tvdb:81189`,
 * `imdb:tt0903747` …), checked and put in one normal form. A malformed pin is a validation error
 * naming the pin, never silently dropped.
 */
import { validationError, type FieldIssue } from '../../shared/errors.js';
import { PIN_SCHEMES, type MetadataPin, type PinScheme } from './types.js';

const FORMS: Record<PinScheme, { normalise: (value: string) => string | null; expected: string }> =
  {
    isbn: { normalise: isbn13, expected: 'an ISBN-10 or ISBN-13 with a valid check digit' },
    olid: {
      normalise: (value) => (/^OL\d+[MW]$/i.test(value) ? value.toUpperCase() : null),
      expected: 'an OpenLibrary edition or work id such as OL7353617M',
    },
    gbid: {
      normalise: (value) => (/^[\w-]{4,40}$/.test(value) ? value : null),
      expected: 'a Google Books volume id such as B1hSG45JCX4C',
    },
    tvdb: { normalise: digits, expected: 'a TheTVDB series id (digits)' },
    tmdb: { normalise: digits, expected: 'a TMDb series id (digits)' },
    imdb: {
      normalise: (value) => (/^tt\d{7,10}$/i.test(value) ? value.toLowerCase() : null),
      expected: 'an IMDb id such as tt0903747',
    },
  };

/** Every pin checked; throws `validation.failed` listing each bad one under `pins.<index>`. */
export function parsePins(raw: readonly string[]): MetadataPin[] {
  const pins: MetadataPin[] = [];
  const issues: FieldIssue[] = [];
  raw.forEach((text, index) => {
    const parsed = parsePin(text);
    if (typeof parsed === 'string') {
      issues.push({ path: `pins.${String(index)}`, message: parsed });
    } else {
      pins.push(parsed);
    }
  });
  if (issues.length > 0) {
    throw validationError(issues, 'Some metadata pins are not valid');
  }
  return pins;
}

/** The pin, or a message saying what is wrong with it. */
function parsePin(text: string): MetadataPin | string {
  const match = /^\s*([a-z]+)\s*:\s*(\S+)\s*$/i.exec(text);
  const scheme = match?.[1]?.toLowerCase();
  if (match === null || !isScheme(scheme)) {
    return `"${text}" is not a pin; use ${PIN_SCHEMES.map((s) => `${s}:…`).join(', ')}`;
  }
  const form = FORMS[scheme];
  const value = form.normalise(match[2] ?? '');
  return value === null ? `"${text}" is not ${form.expected}` : { scheme, value };
}

function isScheme(value: string | undefined): value is PinScheme {
  return PIN_SCHEMES.includes(value as PinScheme);
}

function digits(value: string): string | null {
  return /^\d{1,12}$/.test(value) ? String(Number(value)) : null;
}

/** ISBN-13 digits from an ISBN-10 or -13 with separators; null when the check digit is wrong. */
function isbn13(value: string): string | null {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{9}[\dX]$/.test(compact)) {
    const sum = weightedSum(compact, (i) => 10 - i);
    return sum % 11 === 0 ? withCheckDigit(`978${compact.slice(0, 9)}`) : null;
  }
  if (/^97[89]\d{10}$/.test(compact)) {
    return withCheckDigit(compact.slice(0, 12)) === compact ? compact : null;
  }
  return null;
}

function withCheckDigit(first12: string): string {
  const sum = weightedSum(first12, (i) => (i % 2 === 0 ? 1 : 3));
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

/** Σ digit × weight(position); an `X` (only ever last in an ISBN-10) counts 10. */
function weightedSum(digits: string, weight: (index: number) => number): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const char = digits.charAt(i);
    sum += (char === 'X' ? 10 : Number(char)) * weight(i);
  }
  return sum;
}
