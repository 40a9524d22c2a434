/**
 * ISBN handling shared by every extractor: one normal form (ISBN-13 digits with a valid check
 * digit), whatever the file wrote (hyphens, spaces, `urn:isbn:`, ISBN-10 with an `X`).
 */

function isbn13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  }
  return (10 - (sum % 10)) % 10;
}

function isValidIsbn10(isbn: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const char = isbn[i] ?? '';
    const digit = i === 9 && char === 'X' ? 10 : Number(char);
    sum += digit * (10 - i);
  }
  return sum % 11 === 0;
}

/** The ISBN-13 form of an ISBN-10 or ISBN-13 written with any separators; null if invalid. */
export function toIsbn13(raw: string): string | null {
  const compact = raw.replace(/[\s\u00a0‐-―-]/g, '').toUpperCase();
  if (/^\d{9}[\dX]$/.test(compact)) {
    if (!isValidIsbn10(compact)) {
      return null;
    }
    const first12 = `978${compact.slice(0, 9)}`;
    return `${first12}${isbn13CheckDigit(first12)}`;
  }
  if (/^97[89]\d{10}$/.test(compact)) {
    return isbn13CheckDigit(compact.slice(0, 12)) === Number(compact[12]) ? compact : null;
  }
  return null;
}

const ISBN_PREFIX = /^(?:urn:isbn:|isbn(?:-1[03])?\s*:?\s*)/i;

/**
 * The ISBN of an identifier, if it is one. A declared scheme other than ISBN is trusted (a
 * calibre id or an ASIN may be 10–13 digits); without a scheme (null, empty or `unknown`), a value
 * that is a valid ISBN once its prefix and separators are removed counts.
 */
export function isbnFromIdentifier(value: string, scheme: string | null): string | null {
  const declared = scheme?.toLowerCase() ?? '';
  if (declared !== '' && declared !== 'isbn' && declared !== 'unknown') {
    return null;
  }
  return toIsbn13(value.trim().replace(ISBN_PREFIX, ''));
}

const LABELLED =
  /ISBN(?:[-‐\s]?1[03])?\s*[:：]?\s*((?:97[89][\s‐-]?)?(?:\d[\s‐-]?){8}\d[\s‐-]?[\dXx])/gi;
const BARE_13 = /(?<![\d-])97[89](?:[\s‐-]?\d){10}(?![\d-])/g;

/**
 * The first valid ISBN in free text (a PDF's copyright page). Labelled candidates ("ISBN …") may
 * be ISBN-10 or -13; an unlabelled number counts only as a 978/979 ISBN-13, since a bare 10-digit
 * number is as likely a phone number.
 */
export function findIsbnInText(text: string): string | null {
  for (const match of text.matchAll(LABELLED)) {
    const isbn = toIsbn13(match[1] ?? '');
    if (isbn !== null) {
      return isbn;
    }
  }
  for (const match of text.matchAll(BARE_13)) {
    const isbn = toIsbn13(match[0]);
    if (isbn !== null) {
      return isbn;
    }
  }
  return null;
}
