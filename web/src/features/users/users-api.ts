/** Data hooks of the users page: the paged list and the admin actions on one user. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Role, User } from '../../api/types';

export const PAGE_SIZE = 20;

export interface UserFilter {
  role: Role | '';
  status: 'active' | 'disabled' | '';
  search: string;
  page: number;
}

export function useUsers(filter: UserFilter) {
  return useQuery({
    queryKey: ['users', filter],
    queryFn: () =>
      api.get('/api/users/', {
        query: {
          role: filter.role === '' ? undefined : filter.role,
          status: filter.status === '' ? undefined : filter.status,
          search: filter.search.trim() === '' ? undefined : filter.search.trim(),
          limit: PAGE_SIZE,
          offset: (filter.page - 1) * PAGE_SIZE,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

export type UserAction =
  { kind: 'role'; user: User; role: Role } | { kind: 'disable' | 'enable' | 'delete'; user: User };

function run(action: UserAction): Promise<unknown> {
  const path = { id: action.user.id };
  switch (action.kind) {
    case 'role':
      return api.put('/api/users/{id}/role', { path, body: { role: action.role } });
    case 'disable':
      return api.post('/api/users/{id}/disable', { path });
    case 'enable':
      return api.post('/api/users/{id}/enable', { path });
    case 'delete':
      return api.delete('/api/users/{id}', { path });
  }
}

/** Every change to users also changes the dashboard's counts. */
function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['users'] }),
      queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
    ]);
}

export function useUserAction() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: run, onSuccess: invalidate });
}

export interface UserFormValues {
  username: string;
  displayName: string;
  email: string;
  role: Role;
  password: string;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function useSaveUser(editing: User | null) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (values: UserFormValues) =>
      editing
        ? api.patch('/api/users/{id}', {
            path: { id: editing.id },
            body: { displayName: orNull(values.displayName), email: orNull(values.email) },
          })
        : api.post('/api/users/', {
            body: {
              username: values.username.trim(),
              password: values.password,
              displayName: orNull(values.displayName),
              email: orNull(values.email),
              role: values.role,
            },
          }),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (user: User) =>
      api.post('/api/users/{id}/reset-password', { path: { id: user.id } }),
    onSuccess: invalidate,
  });
}
