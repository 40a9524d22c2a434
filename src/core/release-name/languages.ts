/**
 * Language codes and names to the tag a release name carries: ISO 639-1 (`fr`), 639-2 B and T
 * (`fre`, `fra`), region variants (`fr-CA`, `en_US`) and English or native names all reach the
 * same language. English carries no tag.
 */
import { LANGUAGE_ALIASES, LANGUAGE_ROWS } from './languages-data.js';
import { transliterate } from './transliterate.js';

export interface Language {
  /** ISO 639-1 code. */
  code: string;
  /** Upper-case English name, e.g. FRENCH. */
  name: string;
  isEnglish: boolean;
}

export type LanguageStyle = 'upper' | 'scene-i';

const BY_KEY = new Map<string, Language>();
const BY_NAME = new Map<string, Language>();

for (const row of LANGUAGE_ROWS) {
  const [code = '', bibliographic = '', terminologic = '', name = ''] = row.split('|');
  const language: Language = { code, name, isEnglish: code === 'en' };
  for (const key of [code, bibliographic, terminologic, name.toLowerCase()]) {
    BY_KEY.set(key, language);
  }
  BY_NAME.set(name, language);
}

/** The language a code or name stands for, or null when it is not known. */
export function resolveLanguage(input: string): Language | null {
  const key = transliterate(input).trim().toLowerCase();
  const primary = key.split(/[-_]/)[0] ?? '';
  const direct = BY_KEY.get(key) ?? BY_KEY.get(primary);
  if (direct !== undefined) {
    return direct;
  }
  const alias = LANGUAGE_ALIASES[key] ?? LANGUAGE_ALIASES[primary];
  return alias === undefined ? null : (BY_KEY.get(alias) ?? null);
}

/** The dirname tag of a language: null for English, else its name in the profile's style. */
export function languageTag(language: Language, style: LanguageStyle): string | null {
  if (language.isEnglish) {
    return null;
  }
  return style === 'scene-i' ? language.name.replace(/I/g, 'i') : language.name;
}

/** The language a dirname token names (FRENCH, iTALiAN, SWEDiSH …), or null. */
export function languageOfToken(token: string): Language | null {
  return BY_NAME.get(token.toUpperCase()) ?? null;
}

/** Title-case display name for NFOs: FRENCH → French. */
export function languageDisplayName(language: Language): string {
  return language.name.charAt(0) + language.name.slice(1).toLowerCase();
}
