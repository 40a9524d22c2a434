import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { JobDetail } from '../../api/types';
import { usePermissions } from '../../app/permissions';
import { ConfirmModal } from '../../components/ConfirmModal';
import { notifyDone, notifyFailed } from '../../components/notify';
import { isLive, useJobAction, type JobAction } from './jobs-api';

function useAct(id: string) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useJobAction(id);
  const act = (kind: JobAction) => {
    action.mutate(kind, {
      onSuccess: () => {
        notifyDone(t(`jobs.notify.${kind}`));
        if (kind === 'delete') {
          void navigate('/jobs');
        }
      },
      onError: (error) => {
        notifyFailed(t, error);
      },
    });
  };
  return { act, busy: action.isPending ? action.variables : null };
}

function DeleteButton({ busy, onConfirm }: { busy: boolean; onConfirm: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Button
        color="red"
        variant="subtle"
        onClick={() => {
          setConfirming(true);
        }}
      >
        {t('jobs.actions.delete')}
      </Button>
      {confirming && (
        <ConfirmModal
          title={t('jobs.delete.title')}
          message={t('jobs.delete.message')}
          confirmLabel={t('jobs.actions.delete')}
          danger
          loading={busy}
          onClose={() => {
            setConfirming(false);
          }}
          onConfirm={onConfirm}
        />
      )}
    </>
  );
}

/** Cancel while it runs, retry when it failed or was cancelled, delete once finished. */
export function JobActions({ job }: { job: JobDetail }) {
  const { t } = useTranslation();
  const { canControl } = usePermissions();
  const { act, busy } = useAct(job.id);
  if (!canControl(job.userId)) {
    return null;
  }
  const live = isLive(job.status);
  return (
    <Group>
      {live && (
        <Button
          color="orange"
          variant="light"
          loading={busy === 'cancel'}
          disabled={job.cancelRequested}
          onClick={() => {
            act('cancel');
          }}
        >
          {t('jobs.actions.cancel')}
        </Button>
      )}
      {(job.status === 'failed' || job.status === 'cancelled') && (
        <Button
          variant="light"
          loading={busy === 'retry'}
          onClick={() => {
            act('retry');
          }}
        >
          {t('jobs.actions.retry')}
        </Button>
      )}
      {!live && (
        <DeleteButton
          busy={busy === 'delete'}
          onConfirm={() => {
            act('delete');
          }}
        />
      )}
    </Group>
  );
}
