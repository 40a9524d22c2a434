import { Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiConfig, Provider } from '../../../api/types';
import { usePermissions } from '../../../app/permissions';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifyDone, notifyFailed } from '../../../components/notify';
import { ReadOnlyNotice } from '../../../components/ReadOnlyNotice';
import { TestOutcome, type TestAnswer } from '../../../components/TestOutcome';
import { ApiConfigFormModal } from './ApiConfigFormModal';
import { ApiConfigsTable, rowsFor } from './ApiConfigsTable';
import {
  useApiConfigs,
  useDeleteApiConfig,
  useTestProvider,
  type ApiConfigTarget,
} from './api-configs-api';

function DeleteDialog({ row, onClose }: { row: ApiConfig; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteApiConfig();
  const names = { provider: t(`provider.${row.provider}`), scope: t(`scope.${row.scope}`) };
  return (
    <ConfirmModal
      title={t('apis.delete.title')}
      message={t('apis.delete.message', names)}
      confirmLabel={t('apis.actions.delete')}
      danger
      loading={remove.isPending}
      onClose={onClose}
      onConfirm={() => {
        remove.mutate(row, {
          onSuccess: () => {
            notifyDone(t('apis.notify.deleted', names));
            onClose();
          },
          onError: (error) => {
            notifyFailed(t, error);
          },
        });
      }}
    />
  );
}

/** Runs a provider test and keeps the last answer to show it above the table. */
function useProviderTests() {
  const { t } = useTranslation();
  const test = useTestProvider();
  const [last, setLast] = useState<{ provider: Provider; answer: TestAnswer } | null>(null);
  const run = (provider: Provider) => {
    setLast(null);
    test.mutate(provider, {
      onSuccess: (answer) => {
        setLast({ provider, answer });
      },
      onError: (error) => {
        notifyFailed(t, error);
      },
    });
  };
  const outcome = last && (
    <TestOutcome
      title={t(last.answer.success ? 'apis.test.succeeded' : 'apis.test.failed', {
        provider: t(`provider.${last.provider}`),
      })}
      answer={last.answer}
    />
  );
  return { run, outcome, testing: test.isPending ? test.variables : null };
}

/** Keys of the metadata providers: the user's own and the global ones (admins edit those). */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const { user, isAdmin, canWrite } = usePermissions();
  const configs = useApiConfigs();
  const [editing, setEditing] = useState<ApiConfigTarget | null>(null);
  const [deleting, setDeleting] = useState<ApiConfig | null>(null);
  const tests = useProviderTests();
  return (
    <Stack>
      <Title order={1}>{t('apis.title')}</Title>
      <Text c="dimmed">{t('apis.lead')}</Text>
      <Text size="sm" c="dimmed">
        {t('apis.test.help')}
      </Text>
      {!canWrite && <ReadOnlyNotice message={t('apis.readOnly')} />}
      {tests.outcome}
      {configs.isPending && <Loader aria-label={t('common.loading')} />}
      {configs.isError && <ErrorAlert error={configs.error} />}
      {configs.data && (
        <ApiConfigsTable
          rows={rowsFor(configs.data.items, user?.id ?? '', isAdmin, canWrite)}
          isAdmin={isAdmin}
          onEdit={setEditing}
          onDelete={setDeleting}
          onTest={tests.run}
          testing={tests.testing}
        />
      )}
      {editing && (
        <ApiConfigFormModal
          target={editing}
          onClose={() => {
            setEditing(null);
          }}
          onSaved={() => {
            notifyDone(
              t('apis.notify.saved', {
                provider: t(`provider.${editing.provider}`),
                scope: t(`scope.${editing.scope}`),
              }),
            );
            setEditing(null);
          }}
        />
      )}
      {deleting && (
        <DeleteDialog
          row={deleting}
          onClose={() => {
            setDeleting(null);
          }}
        />
      )}
    </Stack>
  );
}
