import { Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { CreateTokenForm } from './CreateTokenForm';
import { TokensTable } from './TokensTable';
import { useApiTokens, useRevokeToken } from './tokens-api';

/** The user's personal API tokens (for the CLI's remote mode): create (shown once), list, revoke. */
export function ApiTokens() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<string | null>(null);
  const items = tokens.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="api-tokens">
      <Stack>
        <Title order={2} size="h4" id="api-tokens">
          {t('profile.tokens.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('profile.tokens.help')}
        </Text>
        {created !== null && (
          <OneTimeSecret
            title={t('profile.tokens.created')}
            label={t('profile.tokens.secret')}
            secret={created}
            onDismiss={() => {
              setCreated(null);
            }}
          />
        )}
        <CreateTokenForm onCreated={setCreated} />
        {revoke.isError && <ErrorAlert error={revoke.error} />}
        {tokens.isPending && <Loader aria-label={t('common.loading')} />}
        {tokens.isError && <ErrorAlert error={tokens.error} />}
        {tokens.isSuccess && items.length === 0 && (
          <Text c="dimmed">{t('profile.tokens.empty')}</Text>
        )}
        {items.length > 0 && (
          <TokensTable
            tokens={items}
            busyId={revoke.isPending ? revoke.variables : null}
            onRevoke={(id) => {
              revoke.mutate(id);
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
