/**
 * The per-user UI settings (`ui.locale`, `ui.theme`) every role may write. Signed out, the
 * browser remembers them (localStorage); signed in, the server does, and its value wins when the
 * user has set one (source `user`).
 */
import { useMantineColorScheme } from '@mantine/core';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { isLocale, rememberLocale } from '../../i18n';

export type Theme = 'light' | 'dark';
type UiKey = 'ui.locale' | 'ui.theme';
interface UiPreferences {
  locale: string | null;
  theme: string | null;
}

const uiKey = (userId: string) => ['preferences', 'ui', userId] as const;

async function readOwn(key: UiKey): Promise<string | null> {
  const preference = await api.get('/api/preferences/{key}', { path: { key } });
  return preference.source === 'user' && typeof preference.value === 'string'
    ? preference.value
    : null;
}

async function fetchUiPreferences(): Promise<UiPreferences> {
  const [locale, theme] = await Promise.all([readOwn('ui.locale'), readOwn('ui.theme')]);
  return { locale, theme };
}

function isTheme(value: unknown): value is Theme {
  return value === 'light' || value === 'dark';
}

/** Stores a UI setting for the user and keeps the cached copy in step. */
export async function saveUiPreference(
  queryClient: QueryClient,
  userId: string,
  key: UiKey,
  value: string,
): Promise<void> {
  await api.put('/api/preferences/{key}', { path: { key }, body: { value } });
  queryClient.setQueryData<UiPreferences>(uiKey(userId), (old) => ({
    locale: key === 'ui.locale' ? value : (old?.locale ?? null),
    theme: key === 'ui.theme' ? value : (old?.theme ?? null),
  }));
}

/** Applies the signed-in user's saved language and theme once they are known. */
export function useApplyUiPreferences(userId: string | undefined): void {
  const { i18n } = useTranslation();
  const { setColorScheme } = useMantineColorScheme();
  const { data } = useQuery({
    queryKey: uiKey(userId ?? ''),
    queryFn: fetchUiPreferences,
    enabled: userId !== undefined,
    staleTime: Infinity,
  });
  useEffect(() => {
    if (isLocale(data?.locale) && data.locale !== i18n.language) {
      rememberLocale(data.locale);
      void i18n.changeLanguage(data.locale);
    }
  }, [data?.locale, i18n]);
  useEffect(() => {
    if (isTheme(data?.theme)) {
      setColorScheme(data.theme);
    }
  }, [data?.theme, setColorScheme]);
}
