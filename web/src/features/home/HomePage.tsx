import { Button, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';

const FEATURES = [
  'home.features.metadata',
  'home.features.naming',
  'home.features.packing',
  'home.features.checking',
  'home.features.delivery',
] as const;

/** The public front page: what the tool does and the way in. */
export function HomePage() {
  const { t } = useTranslation();
  const { data: user } = useSession();
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('home.title')}</Title>
      <Text size="lg">{t('home.lead')}</Text>
      <section aria-labelledby="home-features">
        <Title order={2} size="h3" id="home-features" mb="xs">
          {t('home.features.title')}
        </Title>
        <List spacing="xs">
          {FEATURES.map((key) => (
            <List.Item key={key}>{t(key)}</List.Item>
          ))}
        </List>
      </section>
      <div>
        {user ? (
          <Button component={Link} to="/dashboard">
            {t('home.openDashboard')}
          </Button>
        ) : (
          <Button component={Link} to="/login">
            {t('home.signInCta')}
          </Button>
        )}
      </div>
    </Stack>
  );
}
