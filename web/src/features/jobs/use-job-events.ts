/**
 * Follows a pending or running job through `GET /api/jobs/:id/events` (EventSource, cookies of
 * the same origin): `progress` updates the status and percentage, `log` appends a line (a line
 * seen already, after a reconnection, is skipped), `end` closes the stream and reloads the job
 * for its result and artifacts. A stream the server refused (an expired access cookie) is
 * retried after the job is reloaded, which refreshes the session.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { JobDetail, JobLog, JobStatus } from '../../api/types';
import { isLive, jobKey } from './jobs-api';

const MAX_RECONNECTS = 5;
const RECONNECT_MS = 2000;

interface Progress {
  status: JobStatus;
  progress: number;
  message: string | null;
}

function listen(queryClient: QueryClient, id: string, source: EventSource): void {
  const key = jobKey(id);
  const update = (change: (job: JobDetail) => JobDetail) => {
    queryClient.setQueryData<JobDetail>(key, (old) => old && change(old));
  };
  source.addEventListener('progress', (event) => {
    const data = JSON.parse((event as MessageEvent<string>).data) as Progress;
    update((job) => ({
      ...job,
      status: data.status,
      progress: data.progress,
      progressMessage: data.message,
    }));
    if (!isLive(data.status)) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  });
  source.addEventListener('log', (event) => {
    const line = JSON.parse((event as MessageEvent<string>).data) as JobLog;
    update((job) =>
      job.logs.some((known) => known.id === line.id) ? job : { ...job, logs: [...job.logs, line] },
    );
  });
  source.addEventListener('end', () => {
    source.close();
    void queryClient.invalidateQueries({ queryKey: key });
  });
}

export function useJobEvents(id: string, live: boolean): void {
  const queryClient = useQueryClient();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!live || typeof EventSource === 'undefined') {
      return undefined;
    }
    const source = new EventSource(`/api/jobs/${encodeURIComponent(id)}/events`);
    let retry: ReturnType<typeof setTimeout> | undefined;
    listen(queryClient, id, source);
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED && attempt < MAX_RECONNECTS) {
        void queryClient.invalidateQueries({ queryKey: jobKey(id) });
        retry = setTimeout(() => {
          setAttempt((value) => value + 1);
        }, RECONNECT_MS);
      }
    };
    return () => {
      clearTimeout(retry);
      source.close();
    };
  }, [id, live, attempt, queryClient]);
}
