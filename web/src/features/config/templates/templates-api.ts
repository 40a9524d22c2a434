/** Data hooks of the templates page: list per kind × type, default, save, delete, live preview. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { ReleaseType, Template, TemplateKind } from '../../../api/types';

const KEY = ['templates'] as const;

export interface TemplateFilter {
  kind: TemplateKind;
  releaseType: ReleaseType;
}

export function useTemplates(filter: TemplateFilter) {
  return useQuery({
    queryKey: [...KEY, 'list', filter],
    queryFn: () => api.get('/api/templates/', { query: { ...filter, limit: 200 } }),
  });
}

/** The stored default, else the built-in one (`builtin: true`, `id: null`). */
export function useDefaultTemplate(filter: TemplateFilter) {
  return useQuery({
    queryKey: [...KEY, 'default', filter],
    queryFn: () => api.get('/api/templates/default', { query: filter }),
  });
}

export interface TemplateDraft extends TemplateFilter {
  name: string;
  description: string;
  content: string;
}

/** Saves over `id`, or creates a new template when `id` is null. */
export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, draft }: { id: string | null; draft: TemplateDraft }) => {
      const body = { ...draft, description: draft.description.trim() || null };
      return id === null
        ? api.post('/api/templates/', { body })
        : api.put('/api/templates/{id}', { path: { id }, body });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useTemplateAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      kind,
      template,
    }: {
      kind: 'default' | 'delete';
      template: Template;
    }): Promise<unknown> => {
      const path = { id: template.id ?? '' };
      return kind === 'default'
        ? api.put('/api/templates/{id}', { path, body: { isDefault: true } })
        : api.delete('/api/templates/{id}', { path });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** Renders the text being edited with sample data; asked again whenever the text settles. */
export function usePreview(content: string, filter: TemplateFilter) {
  return useQuery({
    queryKey: [...KEY, 'preview', filter, content],
    queryFn: () => api.post('/api/templates/preview', { body: { content, ...filter } }),
    enabled: content.trim() !== '',
    placeholderData: keepPreviousData,
    retry: false,
  });
}
