/** Data hooks of the paths page: rules, the effective directories of a group × type, set, delete. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { ReleaseType, Scope } from '../../../api/types';

const KEY = ['paths'] as const;
export const GROUP_PATTERN = /^[A-Za-z0-9_]{2,32}$/;

export function usePathRules() {
  return useQuery({ queryKey: [...KEY, 'rules'], queryFn: () => api.get('/api/paths/') });
}

export function useEffectivePath(group: string, type: ReleaseType) {
  return useQuery({
    queryKey: [...KEY, 'effective', group, type],
    queryFn: () => api.get('/api/paths/{group}/{type}', { path: { group, type } }),
    enabled: GROUP_PATTERN.test(group),
  });
}

export interface PathFormValues {
  groupName: string;
  releaseType: ReleaseType;
  outputDir: string;
  inputDir: string;
  scope: Scope;
}

export function useSetPath() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: PathFormValues) =>
      api.put('/api/paths/{group}/{type}', {
        path: { group: values.groupName.trim(), type: values.releaseType },
        body: {
          outputDir: values.outputDir.trim(),
          inputDir: values.inputDir.trim() === '' ? null : values.inputDir.trim(),
          scope: values.scope,
        },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeletePath() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete('/api/paths/{id}', { path: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
