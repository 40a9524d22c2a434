import { ActionIcon, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { errorMessage } from '../../components/error-message';
import { saveUiPreference } from './preferences';

/** Light/dark switch, saved as the user's `ui.theme` when signed in. */
export function ThemeToggle() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: user } = useSession();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const next = scheme === 'dark' ? 'light' : 'dark';

  const toggle = () => {
    setColorScheme(next);
    if (user) {
      saveUiPreference(queryClient, user.id, 'ui.theme', next).catch((error: unknown) => {
        notifications.show({ color: 'red', message: errorMessage(t, error) });
      });
    }
  };

  return (
    <ActionIcon
      variant="default"
      size="lg"
      onClick={toggle}
      aria-label={next === 'dark' ? t('theme.toDark') : t('theme.toLight')}
    >
      <span aria-hidden="true">{next === 'dark' ? '☾' : '☀'}</span>
    </ActionIcon>
  );
}
