import { Alert, Anchor, AppShell, Burger, Group, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import type { User } from '../api/types';
import { useApplyUiPreferences } from '../features/settings/preferences';
import { HeaderTools } from './HeaderTools';
import { useSession } from './session';
import { UserMenu } from './UserMenu';

interface NavEntry {
  to: string;
  label: string;
}

function NavEntryLink({ entry, onNavigate }: { entry: NavEntry; onNavigate: () => void }) {
  const { pathname } = useLocation();
  const active = pathname === entry.to || pathname.startsWith(`${entry.to}/`);
  return (
    <NavLink
      component={Link}
      to={entry.to}
      label={entry.label}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
}

function Navigation({ user, onNavigate }: { user: User; onNavigate: () => void }) {
  const { t } = useTranslation();
  const top: NavEntry[] = [
    { to: '/dashboard', label: t('nav.dashboard') },
    { to: '/jobs', label: t('nav.jobs') },
  ];
  const configuration: NavEntry[] = [
    { to: '/config/destinations', label: t('nav.destinations') },
    { to: '/config/apis', label: t('nav.apis') },
    { to: '/config/paths', label: t('nav.paths') },
    { to: '/config/templates', label: t('nav.templates') },
    { to: '/config/preferences', label: t('nav.preferences') },
  ];
  const bottom: NavEntry[] = [
    ...(user.role === 'admin' ? [{ to: '/users', label: t('nav.users') }] : []),
    { to: '/profile', label: t('nav.profile') },
  ];
  const link = (entry: NavEntry) => (
    <NavEntryLink key={entry.to} entry={entry} onNavigate={onNavigate} />
  );
  return (
    <nav aria-label={t('nav.label')}>
      {top.map(link)}
      <NavLink label={t('nav.configuration')} defaultOpened childrenOffset="md">
        {configuration.map(link)}
      </NavLink>
      {bottom.map(link)}
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
