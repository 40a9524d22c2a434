/**
 * Built-in preference values: the last step of the user → global → default lookup. The keys are
 * the settings the program itself reads; users may store other keys too.
 */
import type { JsonValue } from './enums.js';

export const PREFERENCE_DEFAULTS: Readonly<Record<string, JsonValue>> = {
  'ui.locale': 'en',
  'ui.theme': 'light',
  'release.defaultSource': 'RETAIL',
  'release.profile.EBOOK': 'ebook-2022',
  'release.profile.DOCS': 'ebook-2022',
  'release.profile.TV': 'tv-web-2020',
  'nfo.encoding': 'cp437',
  'metadata.enabled': true,
  'metadata.priority.TV': ['tvdb', 'tmdb', 'omdb', 'file'],
  'metadata.priority.EBOOK': ['file', 'openlibrary', 'googlebooks'],
  'delivery.autoUpload': true,
  'retention.days': 30,
};

/** Preference keys: letters, digits and `_ . : + -`, as in `paths:MYGRP:EBOOK` or `MYGRP+EBOOK+default`. */
export const PREFERENCE_KEY_PATTERN = /^[A-Za-z0-9_.:+-]{1,100}$/;

/** Keys every user (viewers included) may set for themselves: personal UI settings. */
export function isPersonalUiKey(key: string): boolean {
  return key.startsWith('ui.');
}
