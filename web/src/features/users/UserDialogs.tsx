import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { ConfirmModal } from '../../components/ConfirmModal';
import { errorMessage } from '../../components/error-message';
import { UserFormModal } from './UserFormModal';
import { useResetPassword, useUserAction } from './users-api';

export type Dialog = { kind: 'create' } | { kind: 'edit' | 'delete' | 'reset'; user: User } | null;

interface UserDialogsProps {
  dialog: Dialog;
  onClose: () => void;
  onSecret: (username: string, password: string) => void;
}

function useNotices() {
  const { t } = useTranslation();
  return {
    ok: (message: string) => notifications.show({ color: 'green', message }),
    failed: (error: unknown) =>
      notifications.show({
        color: 'red',
        title: t('common.error'),
        message: errorMessage(t, error),
      }),
  };
}

function DeleteUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const action = useUserAction();
  const notice = useNotices();
  const confirm = () => {
    action.mutate(
      { kind: 'delete', user },
      {
        onSuccess: () => {
          notice.ok(t('users.notify.deleted', { username: user.username }));
          onClose();
        },
        onError: notice.failed,
      },
    );
  };
  return (
    <ConfirmModal
      title={t('users.delete.title')}
      message={t('users.delete.message', { username: user.username })}
      confirmLabel={t('users.actions.delete')}
      danger
      loading={action.isPending}
      onClose={onClose}
      onConfirm={confirm}
    />
  );
}

interface ResetProps {
  user: User;
  onClose: () => void;
  onSecret: UserDialogsProps['onSecret'];
}

function ResetPasswordDialog({ user, onClose, onSecret }: ResetProps) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const notice = useNotices();
  const confirm = () => {
    reset.mutate(user, {
      onSuccess: (result) => {
        onSecret(user.username, result.temporaryPassword ?? '');
        onClose();
      },
      onError: notice.failed,
    });
  };
  return (
    <ConfirmModal
      title={t('users.reset.title')}
      message={t('users.reset.message', { username: user.username })}
      confirmLabel={t('users.actions.resetPassword')}
      loading={reset.isPending}
      onClose={onClose}
      onConfirm={confirm}
    />
  );
}

/** The dialog that is open on the users page, if any: create/edit, delete, reset password. */
export function UserDialogs({ dialog, onClose, onSecret }: UserDialogsProps) {
  const { t } = useTranslation();
  const notice = useNotices();
  if (dialog === null) {
    return null;
  }
  if (dialog.kind === 'delete') {
    return <DeleteUserDialog user={dialog.user} onClose={onClose} />;
  }
  if (dialog.kind === 'reset') {
    return <ResetPasswordDialog user={dialog.user} onClose={onClose} onSecret={onSecret} />;
  }
  const editing = dialog.kind === 'edit' ? dialog.user : null;
  const saved = (user: User) => {
    const key = editing ? 'users.notify.updated' : 'users.notify.created';
    notice.ok(t(key, { username: user.username }));
    onClose();
  };
  return <UserFormModal editing={editing} onClose={onClose} onSaved={saved} />;
}
