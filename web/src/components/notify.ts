import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { errorMessage } from './error-message';

/** A short green confirmation in the corner. */
export function notifyDone(message: string): void {
  notifications.show({ color: 'green', message });
}

/** A failed action in words (translated by error code). */
export function notifyFailed(t: TFunction, error: unknown): void {
  notifications.show({ color: 'red', title: t('common.error'), message: errorMessage(t, error) });
}
