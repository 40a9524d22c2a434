/**
 * i18next with the two locales. Keys are flat, dotted and stable (`users.table.role`); the key
 * separator is off so a key is looked up exactly as written. Before sign-in the language comes from
 * localStorage, then the browser; after sign-in the user's `ui.locale` preference wins.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';

const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
const STORAGE_KEY = 'scenepacker.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** localStorage, then the first browser language we have, then English. */
function detectLocale(): Locale {
  const stored = readStored();
  if (isLocale(stored)) {
    return stored;
  }
  const browser = navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase()).find(isLocale);
  return browser ?? 'en';
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the preference still lives on the server for signed-in users
  }
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

export async function setupI18n(): Promise<typeof i18n> {
  if (i18n.isInitialized) {
    return i18n;
  }
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng: detectLocale(),
    fallbackLng: 'en',
    supportedLngs: LOCALES,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return i18n;
}

export { i18n };
