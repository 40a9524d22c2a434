import { Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PathRule, ReleaseType } from '../../../api/types';
import { usePermissions } from '../../../app/permissions';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifyDone, notifyFailed } from '../../../components/notify';
import { ReadOnlyNotice } from '../../../components/ReadOnlyNotice';
import { EffectivePath } from './EffectivePath';
import { PathForm } from './PathForm';
import { PathRulesTable } from './PathRulesTable';
import { useDeletePath, usePathRules } from './paths-api';

function DeleteDialog({ rule, onClose }: { rule: PathRule; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeletePath();
  const names = { group: rule.groupName, type: t(`releaseType.${rule.releaseType}`) };
  return (
    <ConfirmModal
      title={t('paths.delete.title')}
      message={t('paths.delete.message', names)}
      confirmLabel={t('paths.rules.delete')}
      danger
      loading={remove.isPending}
      onClose={onClose}
      onConfirm={() => {
        remove.mutate(rule.id, {
          onSuccess: () => {
            notifyDone(t('paths.notify.deleted', names));
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

/** Output and input directories per group × release type, with the value that applies. */
export function PathsPage() {
  const { t } = useTranslation();
  const { user, isAdmin, canWrite } = usePermissions();
  const rules = usePathRules();
  const [lookup, setLookup] = useState<{ group: string; type: ReleaseType }>({
    group: '',
    type: 'EBOOK',
  });
  const [deleting, setDeleting] = useState<PathRule | null>(null);
  const canDelete = (rule: PathRule) => isAdmin || (canWrite && rule.userId === user?.id);
  return (
    <Stack>
      <Title order={1}>{t('paths.title')}</Title>
      <Text c="dimmed">{t('paths.lead')}</Text>
      {!canWrite && <ReadOnlyNotice message={t('paths.readOnly')} />}
      {canWrite && (
        <PathForm
          isAdmin={isAdmin}
          onSaved={(values) => {
            setLookup({ group: values.groupName.trim(), type: values.releaseType });
          }}
        />
      )}
      <EffectivePath
        group={lookup.group}
        type={lookup.type}
        onChange={(group, type) => {
          setLookup({ group, type });
        }}
      />
      <Title order={2} size="h4">
        {t('paths.rules.title')}
      </Title>
      {rules.isPending && <Loader aria-label={t('common.loading')} />}
      {rules.isError && <ErrorAlert error={rules.error} />}
      {rules.data && (
        <PathRulesTable rules={rules.data.items} canDelete={canDelete} onDelete={setDeleting} />
      )}
      {deleting && (
        <DeleteDialog
          rule={deleting}
          onClose={() => {
            setDeleting(null);
          }}
        />
      )}
    </Stack>
  );
}
