import { QueryClient } from '@tanstack/react-query';
import { setUnauthenticatedHandler } from '../api/client';
import { isApiError } from '../api/errors';
import { forgetSession } from './session';

/** 4xx answers are final (retrying cannot help); network and 5xx errors get one more try. */
function retry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) {
    return false;
  }
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  // A lost session (expired, revoked, user disabled): drop every cached answer; the guard then
  // sends the user to the sign-in page.
  setUnauthenticatedHandler(() => {
    forgetSession(queryClient);
  });
  return queryClient;
}
