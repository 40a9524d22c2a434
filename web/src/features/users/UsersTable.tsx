import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../api/types';
import { UserRow, type RowIntent } from './UserRow';

interface UsersTableProps {
  users: User[];
  selfId: string;
  busyId: string | null;
  onRole: (user: User, role: Role) => void;
  onIntent: (user: User, intent: RowIntent) => void;
}

export function UsersTable({ users, selfId, busyId, onRole, onIntent }: UsersTableProps) {
  const { t } = useTranslation();
  if (users.length === 0) {
    return <Text c="dimmed">{t('users.table.empty')}</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label={t('users.table.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.fields.username')}</Table.Th>
            <Table.Th>{t('users.fields.displayName')}</Table.Th>
            <Table.Th>{t('users.fields.email')}</Table.Th>
            <Table.Th>{t('users.fields.role')}</Table.Th>
            <Table.Th>{t('users.fields.status')}</Table.Th>
            <Table.Th>{t('users.fields.lastLogin')}</Table.Th>
            <Table.Th>{t('users.table.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <UserRow
              key={user.id}
              user={user}
              isSelf={user.id === selfId}
              busy={busyId === user.id}
              onRole={onRole}
              onIntent={onIntent}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
