import { Button, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELEASE_TYPES, type Template } from '../../../api/types';
import { usePermissions } from '../../../app/permissions';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifyDone, notifyFailed } from '../../../components/notify';
import { TemplateEditor } from './TemplateEditor';
import { TemplatesTable, type TemplateIntent } from './TemplatesTable';
import {
  useDefaultTemplate,
  useTemplateAction,
  useTemplates,
  type TemplateFilter,
} from './templates-api';

type Open = { template: Template; creating: boolean } | null;

/** Stored templates, plus the built-in one when none is stored as the default. */
function useTemplateRows(filter: TemplateFilter) {
  const list = useTemplates(filter);
  const fallback = useDefaultTemplate(filter);
  const items = list.data?.items ?? [];
  const builtin = fallback.data?.builtin === true ? [fallback.data] : [];
  return { list, fallback, rows: [...builtin, ...items] };
}

/** Make default (at once) or delete (after confirmation) a stored template. */
function useActions() {
  const { t } = useTranslation();
  const action = useTemplateAction();
  const [deleting, setDeleting] = useState<Template | null>(null);
  const run = (kind: 'default' | 'delete', template: Template) => {
    action.mutate(
      { kind, template },
      {
        onSuccess: () => {
          const key =
            kind === 'default' ? 'templates.notify.madeDefault' : 'templates.notify.deleted';
          notifyDone(t(key, { name: template.name }));
          setDeleting(null);
        },
        onError: (error) => {
          notifyFailed(t, error);
        },
      },
    );
  };
  const dialog = deleting && (
    <ConfirmModal
      title={t('templates.delete.title')}
      message={t('templates.delete.message', { name: deleting.name })}
      confirmLabel={t('templates.actions.delete')}
      danger
      loading={action.isPending}
      onClose={() => {
        setDeleting(null);
      }}
      onConfirm={() => {
        run('delete', deleting);
      }}
    />
  );
  return {
    makeDefault: (template: Template) => {
      run('default', template);
    },
    askDelete: setDeleting,
    dialog,
  };
}

function Filters(props: { filter: TemplateFilter; onChange: (filter: TemplateFilter) => void }) {
  const { t } = useTranslation();
  const { filter, onChange } = props;
  return (
    <Group>
      <SegmentedControl
        aria-label={t('templates.filters.kind')}
        value={filter.kind}
        onChange={(kind) => {
          onChange({ ...filter, kind });
        }}
        data={[
          { value: 'nfo' as const, label: 'NFO' },
          { value: 'diz' as const, label: 'FILE_ID.DIZ' },
        ]}
      />
      <SegmentedControl
        aria-label={t('templates.filters.releaseType')}
        value={filter.releaseType}
        onChange={(releaseType) => {
          onChange({ ...filter, releaseType });
        }}
        data={RELEASE_TYPES.map((value) => ({ value, label: t(`releaseType.${value}`) }))}
      />
    </Group>
  );
}

/** NFO and DIZ templates per release type: everyone reads and previews, admins write. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const { isAdmin } = usePermissions();
  const [filter, setFilter] = useState<TemplateFilter>({ kind: 'nfo', releaseType: 'EBOOK' });
  const [open, setOpen] = useState<Open>(null);
  const { list, fallback, rows } = useTemplateRows(filter);
  const actions = useActions();
  const onIntent = (template: Template, intent: TemplateIntent) => {
    if (intent === 'open') {
      setOpen({ template, creating: false });
    } else if (intent === 'delete') {
      actions.askDelete(template);
    } else {
      actions.makeDefault(template);
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('templates.title')}</Title>
        {isAdmin && fallback.data && (
          <Button
            onClick={() => {
              setOpen({ template: fallback.data, creating: true });
            }}
          >
            {t('templates.actions.create')}
          </Button>
        )}
      </Group>
      <Text c="dimmed">{t(isAdmin ? 'templates.lead' : 'templates.leadReader')}</Text>
      <Filters
        filter={filter}
        onChange={(next) => {
          setFilter(next);
          setOpen(null);
        }}
      />
      {list.isPending && <Loader aria-label={t('common.loading')} />}
      <ErrorAlert error={list.error ?? fallback.error} />
      {list.data && <TemplatesTable templates={rows} canWrite={isAdmin} onIntent={onIntent} />}
      {open && (
        <TemplateEditor
          key={`${open.template.id ?? 'builtin'}:${String(open.creating)}`}
          {...open}
          filter={filter}
          canWrite={isAdmin}
          onClose={() => {
            setOpen(null);
          }}
        />
      )}
      {actions.dialog}
    </Stack>
  );
}
