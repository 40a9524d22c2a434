/**
 * Plain-ASCII spelling of any text: release names can only hold ASCII, and a CP437 NFO cannot
 * show every letter either. Decomposable letters lose their marks (É→E); the others come from
 * the tables (Æ→AE, Ø→O, ß→ss, Cyrillic, Greek).
 */
import { LATIN_LETTERS, PUNCTUATION, SCRIPT_LETTERS } from './transliteration-data.js';

const COMBINING_MARKS = /\p{M}+/gu;

export function transliterate(text: string): string {
  // Precomposed letters first (Cyrillic й is "y", not и plus a breve), then again after NFKD
  // for those that only match once their accent is split off (Greek ή → η). NFKD also splits
  // ligatures (ﬁ → fi) and compatibility forms (full-width letters, ²).
  const once = replaceLetters(text.normalize('NFC'));
  return replaceLetters(once.normalize('NFKD')).replace(COMBINING_MARKS, '');
}

function replaceLetters(text: string): string {
  let out = '';
  for (const char of text) {
    out += LATIN_LETTERS[char] ?? PUNCTUATION[char] ?? SCRIPT_LETTERS[char] ?? char;
  }
  return out;
}
