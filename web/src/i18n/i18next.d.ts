import 'i18next';
import type en from './locales/en.json';

// Typed keys: `t('some.key')` fails to compile when the key is missing from en.json.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
    keySeparator: false;
    nsSeparator: false;
  }
}
