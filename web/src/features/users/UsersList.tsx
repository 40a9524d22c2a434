import { Group, Loader, Pagination, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { RowIntent } from './UserRow';
import { UsersTable } from './UsersTable';
import { PAGE_SIZE, useUsers, type UserFilter } from './users-api';

interface UsersListProps {
  filter: UserFilter;
  onPage: (page: number) => void;
  selfId: string;
  busyId: string | null;
  onRole: (user: User, role: Role) => void;
  onIntent: (user: User, intent: RowIntent) => void;
}

/** One page of users for the filter, with its count and the page switcher. */
export function UsersList({ filter, onPage, ...rows }: UsersListProps) {
  const { t } = useTranslation();
  // Typing in the search box asks the server once the user pauses, not on every key.
  const [search] = useDebouncedValue(filter.search, 250);
  const users = useUsers({ ...filter, search });
  if (users.isPending) {
    return <Loader aria-label={t('common.loading')} />;
  }
  if (users.isError) {
    return <ErrorAlert error={users.error} />;
  }
  const pages = Math.max(1, Math.ceil(users.data.total / PAGE_SIZE));
  return (
    <>
      <UsersTable users={users.data.items} {...rows} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" role="status">
          {t('users.table.count', { count: users.data.total })}
        </Text>
        <Pagination
          total={pages}
          value={filter.page}
          onChange={onPage}
          getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
          getItemProps={(page) => ({ 'aria-label': t('pagination.page', { page }) })}
        />
      </Group>
    </>
  );
}
