import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { ApiTokens } from './ApiTokens';
import { ChangePasswordForm } from './ChangePasswordForm';

export function ProfilePage() {
  const { t } = useTranslation();
  const { data: user } = useSession();
  if (!user) {
    return null;
  }
  return (
    <Stack>
      <Title order={1}>{t('profile.title')}</Title>
      <Group gap="xs">
        <Text fw={500}>{user.displayName ?? user.username}</Text>
        <Text c="dimmed">({user.username})</Text>
        <Badge variant="light">{t(`roles.${user.role}`)}</Badge>
      </Group>
      <ChangePasswordForm />
      <ApiTokens />
    </Stack>
  );
}
