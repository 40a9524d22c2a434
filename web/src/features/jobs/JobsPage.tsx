import { Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOwnerNames } from '../../app/owner-names';
import { usePermissions } from '../../app/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagePicker } from '../../components/PagePicker';
import { JobFilters } from './JobFilters';
import { JobsTable } from './JobsTable';
import { PAGE_SIZE, useJobs, type JobFilter } from './jobs-api';

/** The queue and history: operators see their own jobs, viewers and admins everyone's. */
export function JobsPage() {
  const { t } = useTranslation();
  const { isAdmin } = usePermissions();
  const [filter, setFilter] = useState<JobFilter>({ status: '', type: '', page: 1 });
  const jobs = useJobs(filter);
  const ownerName = useOwnerNames(isAdmin);
  return (
    <Stack>
      <Title order={1}>{t('jobs.title')}</Title>
      <JobFilters filter={filter} onChange={setFilter} />
      {jobs.isPending && <Loader aria-label={t('common.loading')} />}
      {jobs.isError && <ErrorAlert error={jobs.error} />}
      {jobs.data && (
        <>
          <JobsTable jobs={jobs.data.items} ownerName={ownerName} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" role="status">
              {t('jobs.count', { count: jobs.data.total })}
            </Text>
            <PagePicker
              total={jobs.data.total}
              pageSize={PAGE_SIZE}
              page={filter.page}
              onPage={(page) => {
                setFilter({ ...filter, page });
              }}
            />
          </Group>
        </>
      )}
    </Stack>
  );
}
