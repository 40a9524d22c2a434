/**
 * The signed-in user, as the data cache knows it (`null` when signed out). Sign-in and sign-out
 * go through here so the CSRF token and the cache are always handled the same way.
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/client';
import { isApiError } from '../api/errors';
import type { User } from '../api/types';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<User | null> {
  try {
    const me = await api.get('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export async function signIn(
  queryClient: QueryClient,
  credentials: { username: string; password: string },
): Promise<User> {
  const session = await api.post('/api/auth/login', { body: credentials });
  setCsrfToken(session.csrfToken);
  dropEverythingButSession(queryClient);
  queryClient.setQueryData(SESSION_KEY, session.user);
  return session.user;
}

/**
 * Removes every cached answer except the session itself, whose observers (the guard, the header)
 * must hear about the change: a removed query would leave them showing the old user.
 */
function dropEverythingButSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  queryClient.getMutationCache().clear();
}

/** Forgets everything the signed-out user could see: no data survives in the cache. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(undefined);
  queryClient.setQueryData(SESSION_KEY, null);
  dropEverythingButSession(queryClient);
}

/** Ends the session on the server (cookies cleared, refresh token revoked); never throws. */
export async function endServerSession(): Promise<void> {
  await api.post('/api/auth/logout').catch(() => undefined);
}
