import { Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { JOB_STATUSES, RELEASE_TYPES, type JobStatus, type ReleaseType } from '../../api/types';
import type { JobFilter } from './jobs-api';

/** Status and release type; any change goes back to the first page. */
export function JobFilters({
  filter,
  onChange,
}: {
  filter: JobFilter;
  onChange: (f: JobFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" role="search" aria-label={t('jobs.filters.label')}>
      <NativeSelect
        label={t('jobs.filters.status')}
        value={filter.status}
        onChange={(event) => {
          onChange({ ...filter, status: event.currentTarget.value as JobStatus | '', page: 1 });
        }}
        data={[
          { value: '', label: t('jobs.filters.allStatuses') },
          ...JOB_STATUSES.map((value) => ({ value, label: t(`jobStatus.${value}`) })),
        ]}
      />
      <NativeSelect
        label={t('jobs.filters.type')}
        value={filter.type}
        onChange={(event) => {
          onChange({ ...filter, type: event.currentTarget.value as ReleaseType | '', page: 1 });
        }}
        data={[
          { value: '', label: t('jobs.filters.allTypes') },
          ...RELEASE_TYPES.map((value) => ({ value, label: t(`releaseType.${value}`) })),
        ]}
      />
    </Group>
  );
}
