import { Button, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OneTimeSecret } from '../../components/OneTimeSecret';
import { UserDialogs, type Dialog } from './UserDialogs';
import { UserFilters } from './UserFilters';
import type { RowIntent } from './UserRow';
import { UsersList } from './UsersList';
import { useUserAction, type UserFilter } from './users-api';

const FIRST_PAGE: UserFilter = { role: '', status: '', search: '', page: 1 };

/** Role changes and enable/disable act at once from the row; the others open a dialog. */
function useRowActions(setDialog: (dialog: Dialog) => void) {
  const { t } = useTranslation();
  const action = useUserAction();
  const ok = (message: string) => notifications.show({ color: 'green', message });
  const onRole = (user: User, role: Role) => {
    const message = t('users.notify.roleChanged', {
      username: user.username,
      role: t(`roles.${role}`),
    });
    action.mutate({ kind: 'role', user, role }, { onSuccess: () => ok(message) });
  };
  const onIntent = (user: User, intent: RowIntent) => {
    if (intent !== 'toggle') {
      setDialog({ kind: intent, user });
      return;
    }
    const kind = user.disabled ? 'enable' : 'disable';
    const message = t(`users.notify.${kind}d`, { username: user.username });
    action.mutate({ kind, user }, { onSuccess: () => ok(message) });
  };
  return { action, onRole, onIntent };
}

export function UsersPage() {
  const { t } = useTranslation();
  const { data: me } = useSession();
  const [filter, setFilter] = useState<UserFilter>(FIRST_PAGE);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);
  const { action, onRole, onIntent } = useRowActions(setDialog);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('users.title')}</Title>
        <Button
          onClick={() => {
            setDialog({ kind: 'create' });
          }}
        >
          {t('users.actions.create')}
        </Button>
      </Group>
      {secret && (
        <OneTimeSecret
          title={t('users.reset.done', { username: secret.username })}
          label={t('users.reset.temporaryPassword')}
          secret={secret.password}
          onDismiss={() => {
            setSecret(null);
          }}
        />
      )}
      {action.isError && <ErrorAlert error={action.error} />}
      <UserFilters filter={filter} onChange={setFilter} />
      <UsersList
        filter={filter}
        onPage={(page) => {
          setFilter({ ...filter, page });
        }}
        selfId={me?.id ?? ''}
        busyId={action.isPending ? action.variables.user.id : null}
        onRole={onRole}
        onIntent={onIntent}
      />
      <UserDialogs
        dialog={dialog}
        onClose={() => {
          setDialog(null);
        }}
        onSecret={(username, password) => {
          setSecret({ username, password });
        }}
      />
    </Stack>
  );
}
