/**
 * One dotted component of a release name from free text: "Le Château de Verre" →
 * "Le.Chateau.de.Verre". Case is kept; everything outside [A-Za-z0-9._-] becomes a dot; a run of
 * punctuation becomes one character, so a name never shows "..", ".-." or "_.".
 */
import { transliterate } from './transliterate.js';

// English contractions, possessives and Irish names read better joined (Greys.Anatomy, Dont,
// OReilly) than split (Grey.s); every other apostrophe separates words (L'Étranger → L.Etranger).
const CONTRACTION = /(\p{L})'(s|t|d|m|ll|re|ve)(?![\p{L}\p{N}])/giu;
const IRISH_O = /(?<![\p{L}\p{N}])O'(?=\p{Lu})/gu;
const NOT_ALLOWED = /[^A-Za-z0-9._-]+/g;
const PUNCTUATION_RUN = /[._-]{2,}/g;
const EDGE_PUNCTUATION = /^[._-]+|[._-]+$/g;

export function toNameComponent(text: string): string {
  const ascii = transliterate(text)
    .replace(/&/g, ' and ')
    .replace(CONTRACTION, '$1$2')
    .replace(IRISH_O, 'O');
  return ascii
    .replace(NOT_ALLOWED, '.')
    .replace(PUNCTUATION_RUN, collapseRun)
    .replace(EDGE_PUNCTUATION, '');
}

/** Joins components with dots, skipping empty ones. */
export function joinComponents(parts: readonly (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => part !== null && part !== undefined && part !== '')
    .join('.');
}

/** The words of a dotted component. */
export function componentWords(component: string): string[] {
  return component.split('.').filter((word) => word !== '');
}

function collapseRun(run: string): string {
  const first = run.charAt(0);
  return run.split(first).join('') === '' ? first : '.';
}
