/** Data hooks of the preferences page: effective values, one scope's rows, set, remove, transfer. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Scope } from '../../../api/types';

/** Also covers the header's UI settings (`['preferences', 'ui', …]`): they follow any change. */
const KEY = ['preferences'] as const;

export interface PreferenceRow {
  key: string;
  value: unknown;
  source: 'user' | 'global' | 'default';
}

/** The effective list (user → global → default), or the rows stored in the global scope. */
export function usePreferenceRows(view: 'effective' | 'global') {
  return useQuery({
    queryKey: [...KEY, 'list', view],
    queryFn: async (): Promise<PreferenceRow[]> => {
      const reply = await api.get('/api/preferences/', {
        query: view === 'effective' ? { effective: '1' } : { scope: 'global' },
      });
      return reply.items.map((item) => ({
        key: item.key,
        value: item.value,
        source: 'source' in item ? item.source : 'global',
      }));
    },
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: KEY });
}

export function useSetPreference() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { key: string; value: unknown; scope: Scope }) =>
      api.put('/api/preferences/{key}', {
        path: { key: input.key },
        body: { value: input.value, scope: input.scope },
      }),
    onSuccess: invalidate,
  });
}

export function useRemovePreference() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { key: string; scope: Scope }) =>
      api.delete('/api/preferences/{key}', {
        path: { key: input.key },
        query: { scope: input.scope },
      }),
    onSuccess: invalidate,
  });
}

export function exportPreferences(scope: Scope) {
  return api.post('/api/preferences/export', { query: { scope } });
}

export function useImportPreferences() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { preferences: Record<string, unknown>; scope: Scope }) =>
      api.post('/api/preferences/import', { body: input }),
    onSuccess: invalidate,
  });
}
