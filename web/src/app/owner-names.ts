import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

/**
 * For admins, who see everyone's rows: the user name behind a user id (one request for up to 500
 * users). Others get undefined, and the pages leave the owner column out.
 */
export function useOwnerNames(enabled: boolean): ((userId: string) => string) | undefined {
  const users = useQuery({
    queryKey: ['users', 'names'],
    queryFn: () => api.get('/api/users/', { query: { limit: 500 } }),
    enabled,
    staleTime: 60_000,
  });
  if (!enabled) {
    return undefined;
  }
  const names = new Map((users.data?.items ?? []).map((user) => [user.id, user.username]));
  return (userId) => names.get(userId) ?? userId.slice(0, 8);
}
