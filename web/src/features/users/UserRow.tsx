import { ActionIcon, Badge, Menu, NativeSelect, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type User } from '../../api/types';
import { formatDate } from '../../components/format';

export type RowIntent = 'edit' | 'toggle' | 'reset' | 'delete';

interface UserRowProps {
  user: User;
  isSelf: boolean;
  busy: boolean;
  onRole: (user: User, role: Role) => void;
  onIntent: (user: User, intent: RowIntent) => void;
}

export function UserRow({ user, isSelf, busy, onRole, onIntent }: UserRowProps) {
  const { t, i18n } = useTranslation();
  const intent = (value: RowIntent) => () => {
    onIntent(user, value);
  };
  return (
    <Table.Tr>
      <Table.Th scope="row">{user.username}</Table.Th>
      <Table.Td>{user.displayName ?? '—'}</Table.Td>
      <Table.Td>{user.email ?? '—'}</Table.Td>
      <Table.Td>
        <NativeSelect
          size="xs"
          aria-label={t('users.table.roleOf', { username: user.username })}
          value={user.role}
          disabled={busy}
          onChange={(event) => {
            onRole(user, event.currentTarget.value as Role);
          }}
          data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
      </Table.Td>
      <Table.Td>
        <Badge color={user.disabled ? 'gray' : 'green'} variant="light">
          {user.disabled ? t('users.status.disabled') : t('users.status.active')}
        </Badge>
      </Table.Td>
      <Table.Td>{formatDate(user.lastLoginAt, i18n.language)}</Table.Td>
      <Table.Td>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              aria-label={t('users.table.actionsFor', { username: user.username })}
            >
              <span aria-hidden="true">⋯</span>
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={intent('edit')}>{t('users.actions.edit')}</Menu.Item>
            <Menu.Item onClick={intent('toggle')}>
              {user.disabled ? t('users.actions.enable') : t('users.actions.disable')}
            </Menu.Item>
            <Menu.Item onClick={intent('reset')}>{t('users.actions.resetPassword')}</Menu.Item>
            <Menu.Item color="red" disabled={isSelf} onClick={intent('delete')}>
              {t('users.actions.delete')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Table.Td>
    </Table.Tr>
  );
}
