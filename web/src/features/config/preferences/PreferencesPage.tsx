import { Button, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scope } from '../../../api/types';
import { usePermissions } from '../../../app/permissions';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifyDone, notifyFailed } from '../../../components/notify';
import { PreferenceEditModal } from './PreferenceEditModal';
import { PreferencesTable } from './PreferencesTable';
import { PreferencesTransfer } from './PreferencesTransfer';
import { usePreferenceRows, useRemovePreference, type PreferenceRow } from './preferences-api';

type View = 'effective' | 'global';
type Editing = { key: string | null; value: unknown } | null;

/** Viewers may only change their own UI settings (`ui.*`); operators any key of their own. */
function useRowRules(view: View) {
  const { canWrite } = usePermissions();
  const writable = (row: PreferenceRow) =>
    view === 'global' || canWrite || row.key.startsWith('ui.');
  return {
    canEdit: writable,
    canRemove: (row: PreferenceRow) =>
      writable(row) && (view === 'global' || row.source === 'user'),
  };
}

function useRemove(scope: Scope) {
  const { t } = useTranslation();
  const remove = useRemovePreference();
  return (row: PreferenceRow) => {
    remove.mutate(
      { key: row.key, scope },
      {
        onSuccess: () => {
          notifyDone(t('preferences.notify.removed', { key: row.key }));
        },
        onError: (error) => {
          notifyFailed(t, error);
        },
      },
    );
  };
}

function ViewSwitch({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      w="fit-content"
      value={view}
      onChange={onChange}
      data={[
        { value: 'effective' as const, label: t('preferences.view.effective') },
        { value: 'global' as const, label: t('preferences.view.global') },
      ]}
    />
  );
}

/** Every setting with its effective value and where it comes from; the global level for admins. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const { isAdmin, canWrite } = usePermissions();
  const [view, setView] = useState<View>('effective');
  const [editing, setEditing] = useState<Editing>(null);
  const scope: Scope = view === 'global' ? 'global' : 'user';
  const rows = usePreferenceRows(view);
  const rules = useRowRules(view);
  const remove = useRemove(scope);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('preferences.title')}</Title>
        {(canWrite || view === 'global') && (
          <Button
            onClick={() => {
              setEditing({ key: null, value: null });
            }}
          >
            {t('preferences.actions.create')}
          </Button>
        )}
      </Group>
      <Text c="dimmed">{t('preferences.lead')}</Text>
      {isAdmin && <ViewSwitch view={view} onChange={setView} />}
      {rows.isPending && <Loader aria-label={t('common.loading')} />}
      {rows.isError && <ErrorAlert error={rows.error} />}
      {rows.data && (
        <PreferencesTable
          label={t(`preferences.view.${view}`)}
          rows={rows.data}
          {...rules}
          onEdit={(row) => {
            setEditing({ key: row.key, value: row.value });
          }}
          onRemove={remove}
        />
      )}
      <PreferencesTransfer scope={scope} />
      {editing && (
        <PreferenceEditModal
          preferenceKey={editing.key}
          value={editing.value}
          scope={scope}
          onClose={() => {
            setEditing(null);
          }}
          onSaved={(key) => {
            notifyDone(t('preferences.notify.saved', { key }));
            setEditing(null);
          }}
        />
      )}
    </Stack>
  );
}
