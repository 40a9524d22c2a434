import { Badge, Button, Menu, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { User } from '../api/types';
import { endServerSession, forgetSession } from './session';

/** The signed-in user's name and role, with the profile link and sign-out. */
export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const name = user.displayName ?? user.username;

  // Leave the protected page first, then forget: the guard would otherwise redirect on its own
  // and the "signed out" notice would be lost.
  const logout = async () => {
    await endServerSession();
    await navigate('/login', { state: { signedOut: true }, flushSync: true });
    forgetSession(queryClient);
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          aria-label={t('userMenu.label', { name, role: t(`roles.${user.role}`) })}
          rightSection={<Badge variant="light">{t(`roles.${user.role}`)}</Badge>}
        >
          <Text span size="sm" fw={500}>
            {name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.username}</Menu.Label>
        <Menu.Item component={Link} to="/profile">
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Item color="red" onClick={() => void logout()}>
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
