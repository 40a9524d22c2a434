import { Anchor, Group, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useOwnerNames } from '../../app/owner-names';
import { usePermissions } from '../../app/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobActions } from './JobActions';
import { JobArtifacts } from './JobArtifacts';
import { JobLogView } from './JobLogView';
import { jobLabel } from './JobStatusBadge';
import { JobSummary } from './JobSummary';
import { isLive, useJob } from './jobs-api';
import { useJobEvents } from './use-job-events';

/** One job: status and progress, its live log, artifacts, and the controls its state allows. */
export function JobDetailPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const job = useJob(id);
  const { isAdmin } = usePermissions();
  const ownerName = useOwnerNames(isAdmin);
  useJobEvents(id, job.data !== undefined && isLive(job.data.status));
  return (
    <Stack>
      <Anchor component={Link} to="/jobs" size="sm">
        {t('jobs.detail.back')}
      </Anchor>
      {job.isPending && <Loader aria-label={t('common.loading')} />}
      {job.isError && <ErrorAlert error={job.error} />}
      {job.data && (
        <>
          <Group justify="space-between">
            <Title order={1}>{job.data.releaseName ?? jobLabel(t, job.data.name)}</Title>
            <JobActions job={job.data} />
          </Group>
          <JobSummary job={job.data} owner={ownerName?.(job.data.userId)} />
          <JobLogView lines={job.data.logs} />
          <JobArtifacts artifacts={job.data.artifacts} />
        </>
      )}
    </Stack>
  );
}
