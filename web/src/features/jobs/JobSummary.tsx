import { Alert, Code, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JobDetail } from '../../api/types';
import { formatDate } from '../../components/format';
import { i18n } from '../../i18n';
import { JobStatusBadge } from './JobStatusBadge';

function JobError({ job }: { job: JobDetail }) {
  const { t } = useTranslation();
  if (job.errorCode === null && job.errorMessage === null) {
    return null;
  }
  const key = `errors.${job.errorCode ?? ''}`;
  const reason = job.errorCode !== null && i18n.exists(key) ? t(key as 'errors.unknown') : null;
  return (
    <Alert
      color={job.status === 'cancelled' ? 'orange' : 'red'}
      title={t('jobs.detail.error')}
      role="alert"
    >
      {reason !== null && <Text fw={500}>{reason}</Text>}
      {job.errorMessage !== null && <Text size="sm">{job.errorMessage}</Text>}
      {job.errorCode !== null && (
        <Text size="xs" c="dimmed">
          {t('jobs.detail.code', { code: job.errorCode })}
        </Text>
      )}
    </Alert>
  );
}

function Facts({ job, owner }: { job: JobDetail; owner: string | undefined }) {
  const { t } = useTranslation();
  const date = (value: string | null) => formatDate(value, i18n.language);
  const facts: [string, string][] = [
    [t('jobs.fields.release'), job.releaseName ?? '—'],
    [t('jobs.fields.group'), job.groupName ?? '—'],
    [t('jobs.fields.type'), job.releaseType ? t(`releaseType.${job.releaseType}`) : '—'],
    ...(owner === undefined ? [] : [[t('jobs.fields.owner'), owner] as [string, string]]),
    [t('jobs.fields.attempts'), `${String(job.attempts)} / ${String(job.maxAttempts)}`],
    [t('jobs.fields.createdAt'), date(job.createdAt)],
    [t('jobs.fields.startedAt'), date(job.startedAt)],
    [t('jobs.fields.completedAt'), date(job.completedAt)],
  ];
  return (
    <Table aria-label={t('jobs.detail.facts')}>
      <Table.Tbody>
        {facts.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w={180}>
              {label}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Status, progress with its current step, facts, error and result of one job. */
export function JobSummary({ job, owner }: { job: JobDetail; owner?: string }) {
  const { t } = useTranslation();
  const percent = Math.round(job.progress);
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group gap="sm">
          <JobStatusBadge status={job.status} />
          {job.cancelRequested && job.status === 'running' && (
            <Text size="sm" c="orange">
              {t('jobs.detail.cancelling')}
            </Text>
          )}
        </Group>
        <Progress.Root size="lg" aria-label={t('jobs.fields.progress')}>
          <Progress.Section value={percent} animated={job.status === 'running'}>
            <Progress.Label>{`${String(percent)} %`}</Progress.Label>
          </Progress.Section>
        </Progress.Root>
        {job.progressMessage !== null && (
          <Text size="sm" aria-label={t('jobs.detail.step')}>
            {job.progressMessage}
          </Text>
        )}
        <JobError job={job} />
        <Facts job={job} owner={owner} />
        {job.result !== null && (
          <Stack gap={4}>
            <Text fw={500}>{t('jobs.detail.result')}</Text>
            <Code block>{JSON.stringify(job.result, null, 2)}</Code>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
