import { Alert, Anchor, AppShell, Burger, Group, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import type { User } from '../api/types';
import { useApplyUiPreferences } from '../features/settings/preferences';
import { HeaderTools } from './HeaderTools';
import { useSession } from './session';
import { UserMenu } from './UserMenu';

function Navigation({ user, onNavigate }: { user: User; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const links = [
    { to: '/dashboard', label: t('nav.dashboard') },
    ...(user.role === 'admin' ? [{ to: '/users', label: t('nav.users') }] : []),
    { to: '/profile', label: t('nav.profile') },
  ];
  return (
    <nav aria-label={t('nav.label')}>
      {links.map((link) => (
        <NavLink
          key={link.to}
          component={Link}
          to={link.to}
          label={link.label}
          active={pathname === link.to}
          aria-current={pathname === link.to ? 'page' : undefined}
          onClick={onNavigate}
        />
      ))}
    </nav>
  );
}

/** The signed-in shell: header (brand, language, theme, user menu), navigation, page. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const { data: user } = useSession();
  useApplyUiPreferences(user?.id);
  if (!user) {
    return null;
  }
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <Anchor component={Link} to="/" underline="never">
              <Title order={2} size="h4">
                scenepacker
              </Title>
            </Anchor>
          </Group>
          <Group gap="sm">
            <HeaderTools />
            <UserMenu user={user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Navigation user={user} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        {user.mustChangePassword && (
          <Alert color="orange" mb="md" title={t('profile.mustChange.title')}>
            <Anchor component={Link} to="/profile">
              {t('profile.mustChange.link')}
            </Anchor>
          </Alert>
        )}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
