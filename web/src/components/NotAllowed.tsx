import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shown instead of a page the signed-in user's role may not open. */
export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" maw={560}>
      <Title order={1}>{t('notAllowed.title')}</Title>
      <Text>{t('notAllowed.body')}</Text>
      <Anchor component={Link} to="/dashboard">
        {t('notAllowed.back')}
      </Anchor>
    </Stack>
  );
}
