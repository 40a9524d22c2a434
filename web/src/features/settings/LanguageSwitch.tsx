import { NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { errorMessage } from '../../components/error-message';
import { currentLocale, isLocale, rememberLocale } from '../../i18n';
import { saveUiPreference } from './preferences';

/** FR/EN switch: remembered by the browser, and by the server for a signed-in user. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { data: user } = useSession();

  const change = (value: string) => {
    if (!isLocale(value)) {
      return;
    }
    rememberLocale(value);
    void i18n.changeLanguage(value);
    if (user) {
      saveUiPreference(queryClient, user.id, 'ui.locale', value).catch((error: unknown) => {
        notifications.show({ color: 'red', message: errorMessage(t, error) });
      });
    }
  };

  return (
    <NativeSelect
      aria-label={t('language.label')}
      size="xs"
      value={currentLocale()}
      onChange={(event) => {
        change(event.currentTarget.value);
      }}
      data={[
        { value: 'en', label: t('language.en') },
        { value: 'fr', label: t('language.fr') },
      ]}
    />
  );
}
