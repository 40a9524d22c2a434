import { Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes } from '../../components/format';
import { RecentActivity } from './RecentActivity';
import { StatTable } from './StatTable';

const ROLE_ORDER = ['admin', 'operator', 'viewer'] as const;
const JOB_ORDER = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;
const TYPE_ORDER = ['EBOOK', 'TV', 'DOCS'] as const;

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const stats = useQuery({
    queryKey: ['dashboard', 'stats'],
    queryFn: () => api.get('/api/dashboard/stats'),
  });
  if (stats.isPending) {
    return <Loader aria-label={t('common.loading')} />;
  }
  if (stats.isError) {
    return <ErrorAlert error={stats.error} />;
  }
  const { users, jobs, releases, bytesPacked, recentActivity } = stats.data;
  return (
    <Stack>
      <Title order={1}>{t('dashboard.title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <StatTable
          title={t('dashboard.users')}
          total={users.total}
          rows={ROLE_ORDER.map((role) => ({
            key: role,
            label: t(`roles.${role}`),
            value: users.byRole[role] ?? 0,
          }))}
        />
        <StatTable
          title={t('dashboard.jobs')}
          total={jobs.total}
          rows={JOB_ORDER.map((status) => ({
            key: status,
            label: t(`jobStatus.${status}`),
            value: jobs.byStatus[status] ?? 0,
          }))}
        />
        <StatTable
          title={t('dashboard.releases')}
          total={releases.total}
          rows={TYPE_ORDER.map((type) => ({
            key: type,
            label: t(`releaseType.${type}`),
            value: releases.byType[type] ?? 0,
          }))}
        />
        <Paper withBorder p="md" component="section" aria-labelledby="bytes-packed">
          <Group justify="space-between" align="baseline">
            <Title order={2} size="h4" id="bytes-packed">
              {t('dashboard.bytesPacked')}
            </Title>
          </Group>
          <Text size="xl" fw={700} mt="sm">
            {formatBytes(bytesPacked, i18n.language)}
          </Text>
        </Paper>
      </SimpleGrid>
      <RecentActivity entries={recentActivity} />
    </Stack>
  );
}
