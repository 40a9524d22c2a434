/** Data hooks of the jobs pages: the paged list, one job with logs and artifacts, the controls. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Job, JobDetail, JobStatus, ReleaseType } from '../../api/types';

export const PAGE_SIZE = 20;
const KEY = ['jobs'] as const;
export const jobKey = (id: string) => [...KEY, 'detail', id] as const;
const REFRESH_MS = 3000;

export function isLive(status: JobStatus): boolean {
  return status === 'pending' || status === 'running';
}

export interface JobFilter {
  status: JobStatus | '';
  type: ReleaseType | '';
  page: number;
}

/** Refreshes by itself while any job on the page is pending or running. */
export function useJobs(filter: JobFilter) {
  return useQuery({
    queryKey: [...KEY, 'list', filter],
    queryFn: () =>
      api.get('/api/jobs/', {
        query: {
          status: filter.status === '' ? undefined : filter.status,
          type: filter.type === '' ? undefined : filter.type,
          limit: PAGE_SIZE,
          offset: (filter.page - 1) * PAGE_SIZE,
        },
      }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((job) => isLive(job.status)) === true ? REFRESH_MS : false,
  });
}

/** Live updates come through server-sent events; without EventSource, polling stands in. */
export function useJob(id: string) {
  return useQuery({
    queryKey: jobKey(id),
    queryFn: () => api.get('/api/jobs/{id}', { path: { id } }),
    refetchInterval: (query) =>
      typeof EventSource === 'undefined' && query.state.data && isLive(query.state.data.status)
        ? REFRESH_MS
        : false,
  });
}

export type JobAction = 'cancel' | 'retry' | 'delete';

function run(action: JobAction, id: string): Promise<Job | undefined> {
  const path = { id };
  switch (action) {
    case 'cancel':
      return api.post('/api/jobs/{id}/cancel', { path });
    case 'retry':
      return api.post('/api/jobs/{id}/retry', { path });
    case 'delete':
      return api.delete('/api/jobs/{id}', { path }).then(() => undefined);
  }
}

export function useJobAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: JobAction) => run(action, id),
    onSuccess: async (job) => {
      if (job) {
        // The reply carries the new status at once; the events then bring the log lines.
        queryClient.setQueryData<JobDetail>(jobKey(id), (old) => old && { ...old, ...job });
      }
      await queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
