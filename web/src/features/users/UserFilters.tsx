import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../api/types';
import type { UserFilter } from './users-api';

interface UserFiltersProps {
  filter: UserFilter;
  onChange: (filter: UserFilter) => void;
}

/** Role, status and text filters; any change goes back to the first page. */
export function UserFilters({ filter, onChange }: UserFiltersProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<UserFilter>) => {
    onChange({ ...filter, ...patch, page: 1 });
  };
  return (
    <Group align="flex-end" role="search" aria-label={t('users.filters.label')}>
      <NativeSelect
        label={t('users.filters.role')}
        value={filter.role}
        onChange={(event) => {
          set({ role: event.currentTarget.value as Role | '' });
        }}
        data={[
          { value: '', label: t('users.filters.allRoles') },
          ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) })),
        ]}
      />
      <NativeSelect
        label={t('users.filters.status')}
        value={filter.status}
        onChange={(event) => {
          set({ status: event.currentTarget.value as UserFilter['status'] });
        }}
        data={[
          { value: '', label: t('users.filters.allStatuses') },
          { value: 'active', label: t('users.status.active') },
          { value: 'disabled', label: t('users.status.disabled') },
        ]}
      />
      <TextInput
        label={t('users.filters.search')}
        type="search"
        value={filter.search}
        onChange={(event) => {
          set({ search: event.currentTarget.value });
        }}
      />
    </Group>
  );
}
