import { Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiConfig } from '../../../api/types';
import { usePermissions } from '../../../app/permissions';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifyDone, notifyFailed } from '../../../components/notify';
import { ReadOnlyNotice } from '../../../components/ReadOnlyNotice';
import { ApiConfigFormModal } from './ApiConfigFormModal';
import { ApiConfigsTable, rowsFor } from './ApiConfigsTable';
import { useApiConfigs, useDeleteApiConfig, type ApiConfigTarget } from './api-configs-api';

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

/** Keys of the metadata providers: the user's own and the global ones (admins edit those). */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const { user, isAdmin, canWrite } = usePermissions();
  const configs = useApiConfigs();
  const [editing, setEditing] = useState<ApiConfigTarget | null>(null);
  const [deleting, setDeleting] = useState<ApiConfig | null>(null);
  return (
    <Stack>
      <Title order={1}>{t('apis.title')}</Title>
      <Text c="dimmed">{t('apis.lead')}</Text>
      {!canWrite && <ReadOnlyNotice message={t('apis.readOnly')} />}
      {configs.isPending && <Loader aria-label={t('common.loading')} />}
      {configs.isError && <ErrorAlert error={configs.error} />}
      {configs.data && (
        <ApiConfigsTable
          rows={rowsFor(configs.data.items, user?.id ?? '', isAdmin, canWrite)}
          isAdmin={isAdmin}
          onEdit={setEditing}
          onDelete={setDeleting}
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
