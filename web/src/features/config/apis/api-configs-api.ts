/** Data hooks of the API keys page: every row the user may see, save (create or update), delete. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { ApiConfig, Provider, Scope } from '../../../api/types';
import { isStored, secretToSend, type SecretValue } from '../../../components/SecretField';

const KEY = ['config', 'apis'] as const;

export function useApiConfigs() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get('/api/config/apis/') });
}

export interface ApiConfigFormValues {
  apiKey: SecretValue;
  pin: SecretValue;
  baseUrl: string;
  enabled: boolean;
}

export interface ApiConfigTarget {
  provider: Provider;
  scope: Scope;
  /** The stored row, or null when this provider has none in this scope yet. */
  current: ApiConfig | null;
}

function body(values: ApiConfigFormValues, current: ApiConfig | null) {
  return {
    apiKey: secretToSend(values.apiKey, isStored(current?.apiKey)),
    pin: secretToSend(values.pin, isStored(current?.pin)),
    baseUrl: values.baseUrl.trim() === '' ? null : values.baseUrl.trim(),
    enabled: values.enabled,
  };
}

export function useSaveApiConfig(target: ApiConfigTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: ApiConfigFormValues) =>
      target.current
        ? api.put('/api/config/apis/{name}', {
            path: { name: target.provider },
            body: { scope: target.scope, ...body(values, target.current) },
          })
        : api.post('/api/config/apis/', {
            body: { provider: target.provider, scope: target.scope, ...body(values, null) },
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteApiConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (row: ApiConfig) =>
      api.delete('/api/config/apis/{name}', {
        path: { name: row.provider },
        query: { scope: row.scope, userId: row.userId ?? undefined },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** A real call to the provider with the settings in use for the caller (own, else global). */
export function useTestProvider() {
  return useMutation({
    mutationFn: (provider: Provider) =>
      api.post('/api/config/apis/{name}/test', { path: { name: provider } }),
  });
}
