import { Anchor, Progress, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Job } from '../../api/types';
import { formatDate } from '../../components/format';
import { jobLabel, JobStatusBadge } from './JobStatusBadge';

interface JobsTableProps {
  jobs: Job[];
  ownerName?: (userId: string) => string;
}

export function JobsTable({ jobs, ownerName }: JobsTableProps) {
  const { t, i18n } = useTranslation();
  if (jobs.length === 0) {
    return <Text c="dimmed">{t('jobs.empty')}</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover aria-label={t('jobs.table.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('jobs.fields.job')}</Table.Th>
            <Table.Th>{t('jobs.fields.release')}</Table.Th>
            <Table.Th>{t('jobs.fields.type')}</Table.Th>
            {ownerName && <Table.Th>{t('jobs.fields.owner')}</Table.Th>}
            <Table.Th>{t('jobs.fields.status')}</Table.Th>
            <Table.Th>{t('jobs.fields.progress')}</Table.Th>
            <Table.Th>{t('jobs.fields.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.map((job) => (
            <Table.Tr key={job.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/jobs/${job.id}`}>
                  {jobLabel(t, job.name)}
                </Anchor>
              </Table.Th>
              <Table.Td>{job.releaseName ?? '—'}</Table.Td>
              <Table.Td>{job.releaseType ? t(`releaseType.${job.releaseType}`) : '—'}</Table.Td>
              {ownerName && <Table.Td>{ownerName(job.userId)}</Table.Td>}
              <Table.Td>
                <JobStatusBadge status={job.status} />
              </Table.Td>
              <Table.Td miw={120}>
                <Progress
                  value={job.progress}
                  aria-label={t('jobs.progressOf', { name: job.releaseName ?? job.name })}
                />
              </Table.Td>
              <Table.Td>{formatDate(job.createdAt, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
