import type { TFunction } from 'i18next';
import { i18n } from '../i18n';
import { isApiError } from '../api/errors';

/** The translated message for an error: `errors.<code>` when known, else a generic line. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    const key = `errors.${error.code}`;
    return i18n.exists(key)
      ? t(key as 'errors.unknown')
      : t('errors.unknown', { code: error.code });
  }
  return t('errors.unknown', { code: 'client' });
}
