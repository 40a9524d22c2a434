import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../api/types';
import { i18n } from '../../i18n';

const COLORS: Record<JobStatus, string> = {
  pending: 'gray',
  running: 'blue',
  completed: 'green',
  failed: 'red',
  cancelled: 'orange',
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`jobStatus.${status}`)}
    </Badge>
  );
}

/** Catalogue names (`release.deliver`) in words; a name the app does not know is shown as is. */
export function jobLabel(t: TFunction, name: string): string {
  const key = `jobName.${name}`;
  return i18n.exists(key) ? t(key as 'jobName.release.deliver') : name;
}
