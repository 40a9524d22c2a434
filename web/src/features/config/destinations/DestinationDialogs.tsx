import { useTranslation } from 'react-i18next';
import type { Destination } from '../../../api/types';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { notifyDone, notifyFailed } from '../../../components/notify';
import { DestinationFormModal } from './DestinationFormModal';
import { useDeleteDestination } from './destinations-api';

export type Dialog =
  { kind: 'create' } | { kind: 'edit' | 'delete'; destination: Destination } | null;

function DeleteDialog({ destination, onClose }: { destination: Destination; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteDestination();
  const confirm = () => {
    remove.mutate(destination.id, {
      onSuccess: () => {
        notifyDone(t('destinations.notify.deleted', { name: destination.name }));
        onClose();
      },
      onError: (error) => {
        notifyFailed(t, error);
      },
    });
  };
  return (
    <ConfirmModal
      title={t('destinations.delete.title')}
      message={t('destinations.delete.message', { name: destination.name })}
      confirmLabel={t('destinations.actions.delete')}
      danger
      loading={remove.isPending}
      onClose={onClose}
      onConfirm={confirm}
    />
  );
}

/** The dialog open on the destinations page, if any: create, edit or delete. */
export function DestinationDialogs({ dialog, onClose }: { dialog: Dialog; onClose: () => void }) {
  const { t } = useTranslation();
  if (dialog === null) {
    return null;
  }
  if (dialog.kind === 'delete') {
    return <DeleteDialog destination={dialog.destination} onClose={onClose} />;
  }
  const editing = dialog.kind === 'edit' ? dialog.destination : null;
  const saved = (destination: Destination) => {
    const key = editing ? 'destinations.notify.updated' : 'destinations.notify.created';
    notifyDone(t(key, { name: destination.name }));
    onClose();
  };
  return <DestinationFormModal editing={editing} onClose={onClose} onSaved={saved} />;
}
