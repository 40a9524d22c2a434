import { Anchor, Box, Button, Container, Group, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { HeaderTools } from './HeaderTools';
import { useSession } from './session';

/** Header for the pages anyone may open (home, sign-in). */
export function PublicLayout() {
  const { t } = useTranslation();
  const { data: user } = useSession();
  return (
    <Box>
      <Box
        component="header"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Container size="lg">
          <Group justify="space-between">
            <Anchor component={Link} to="/" underline="never">
              <Title order={2} size="h4">
                scenepacker
              </Title>
            </Anchor>
            <Group gap="sm">
              <HeaderTools />
              {user ? (
                <Button component={Link} to="/dashboard" size="xs">
                  {t('home.openDashboard')}
                </Button>
              ) : (
                <Button component={Link} to="/login" size="xs">
                  {t('auth.signIn')}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="lg" component="main" py="xl">
        <Outlet />
      </Container>
    </Box>
  );
}
