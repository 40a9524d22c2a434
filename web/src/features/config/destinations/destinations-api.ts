/** Data hooks of the destinations page: the list, save, delete, connection test, host-key pin. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Destination } from '../../../api/types';
import { toDestinationBody, type DestinationFormValues } from './destination-form';

export const PAGE_SIZE = 25;
const KEY = ['destinations'] as const;

export function useDestinations(page: number) {
  return useQuery({
    queryKey: [...KEY, page],
    queryFn: () =>
      api.get('/api/destinations/', {
        query: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: KEY });
}

export function useSaveDestination(editing: Destination | null) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (values: DestinationFormValues) => {
      const body = toDestinationBody(values, editing);
      return editing
        ? api.put('/api/destinations/{id}', { path: { id: editing.id }, body })
        : api.post('/api/destinations/', { body });
    },
    onSuccess: invalidate,
  });
}

export function useDeleteDestination() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.delete('/api/destinations/{id}', { path: { id } }),
    onSuccess: invalidate,
  });
}

export function useTestDestination() {
  return useMutation({
    mutationFn: (destination: Destination) =>
      api.post('/api/destinations/{id}/test', { path: { id: destination.id } }),
  });
}

/** Trusts the host key the last test reported (SFTP), the way `ssh` asks on first contact. */
export function usePinHostKey() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { id: string; fingerprint: string }) =>
      api.put('/api/destinations/{id}', {
        path: { id: input.id },
        body: { hostKeyFingerprint: input.fingerprint },
      }),
    onSuccess: invalidate,
  });
}
