import { Paper, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import type { DashboardStats } from '../../api/types';
import { formatDate } from '../../components/format';

type Entry = DashboardStats['recentActivity'][number];

/** Audit actions are stable codes (`user.create`); unknown ones are shown as they are. */
function actionLabel(t: TFunction, action: string): string {
  const key = `activity.${action}`;
  return t(i18n.exists(key) ? (key as 'activity.unknown') : 'activity.unknown', { action });
}

export function RecentActivity({ entries }: { entries: Entry[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recent-activity">
      <Title order={2} size="h4" id="recent-activity" mb="xs">
        {t('dashboard.activity.title')}
      </Title>
      {entries.length === 0 ? (
        <Text c="dimmed">{t('dashboard.activity.empty')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.activity.when')}</Table.Th>
              <Table.Th>{t('dashboard.activity.what')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{formatDate(entry.createdAt, i18n.language)}</Table.Td>
                <Table.Td>{actionLabel(t, entry.action)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
