/**
 * The right-hand end of a TV name: `<TAGS>.[LANGUAGE].[RESOLUTION].<SOURCE>.[CODEC]`, read
 * backwards. Tags and language names are recognised only when not written as a title word
 * ("Final" is a title word, "FINAL" a tag), because episode titles sit right before them.
 */
import { languageOfToken } from './languages.js';
import { LONGEST_TV_TAG, TV_VOCABULARY } from './vocabulary.js';

export interface TvTail {
  /** Index of the first tail token. */
  start: number;
  tags: string[];
  language: string | null;
  resolution: string | null;
  source: string;
  codec: string | null;
}

const CODEC = /^[xh]26[45]$/i;
const RESOLUTION = /^\d{3,4}[pi]$/i;
const TITLE_WORD = /^[A-Z][a-z]+$/;

export function takeTail(tokens: readonly string[]): TvTail | null {
  let end = tokens.length;
  const codec = CODEC.test(tokens[end - 1] ?? '') ? (tokens[end - 1] ?? null) : null;
  end -= codec === null ? 0 : 1;
  const source = matchPhrase(tokens, end, TV_VOCABULARY.sources);
  if (source === null) {
    return null;
  }
  end -= source.split('.').length;
  const resolution = RESOLUTION.test(tokens[end - 1] ?? '') ? (tokens[end - 1] ?? null) : null;
  end -= resolution === null ? 0 : 1;
  const language = isLanguage(tokens[end - 1]) ? (tokens[end - 1] ?? null) : null;
  end -= language === null ? 0 : 1;
  const tags: string[] = [];
  for (let tag = matchTag(tokens, end); tag !== null; tag = matchTag(tokens, end)) {
    tags.unshift(tag);
    end -= tag.split('.').length;
  }
  return { start: end, tags, language, resolution, source, codec };
}

/** The longest known phrase (1..n dotted tokens) ending right before `end`. */
function matchPhrase(
  tokens: readonly string[],
  end: number,
  vocabulary: ReadonlyMap<string, string>,
): string | null {
  for (let length = Math.min(LONGEST_TV_TAG, end - 1); length >= 1; length -= 1) {
    const phrase = tokens.slice(end - length, end).join('.');
    if (vocabulary.has(phrase.toUpperCase())) {
      return phrase;
    }
  }
  return null;
}

/**
 * A tag is written as the ruleset spells it (HDR10Plus), in upper case, or Scene-cased with a
 * small first letter (iNTERNAL); "Proper", "dv" and "dV" are title words, because the episode
 * title sits right before the tags.
 */
const TAG_WORD = /^([A-Z0-9]+|[a-z][A-Z0-9]{2,})$/;

function matchTag(tokens: readonly string[], end: number): string | null {
  const tag = matchPhrase(tokens, end, TV_VOCABULARY.tags);
  if (tag === null) {
    return null;
  }
  const canonical = TV_VOCABULARY.tags.get(tag.toUpperCase()) === tag;
  return canonical || tag.split('.').every((word) => TAG_WORD.test(word)) ? tag : null;
}

function isLanguage(token: string | undefined): boolean {
  if (token === undefined || TITLE_WORD.test(token)) {
    return false;
  }
  return languageOfToken(token) !== null || TV_VOCABULARY.shortLanguages.has(token);
}

/**
 * An episode title whose last words read as tags or a language ("…HR", "…dv", "…FRENCH") would
 * be read back as tags by every parser, ours and the sites'; those words are written as title
 * words instead ("Hr", "Dv", "French").
 */
export function unambiguousTitle(title: string): string {
  const words = title.split('.');
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const word = words[index] ?? '';
    if (!readsAsTailWord(word)) {
      break;
    }
    words[index] = `${word.slice(0, 1).toUpperCase()}${word.slice(1).toLowerCase()}`;
  }
  return words.join('.');
}

const TAG_WORDS = new Set([...TV_VOCABULARY.tags.keys()].flatMap((tag) => tag.split('.')));

function readsAsTailWord(word: string): boolean {
  if (word === '' || TITLE_WORD.test(word)) {
    return false;
  }
  return TAG_WORDS.has(word.toUpperCase()) || isLanguage(word);
}
