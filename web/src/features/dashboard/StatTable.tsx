import { Paper, Table, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format';

interface StatTableProps {
  title: string;
  total: number;
  rows: { key: string; label: string; value: number }[];
}

/** One counter with its breakdown, as a labelled region holding a table (readable by role). */
export function StatTable({ title, total, rows }: StatTableProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      <Table>
        <Table.Tbody>
          <Table.Tr fw={700}>
            <Table.Th scope="row">{t('dashboard.total')}</Table.Th>
            <Table.Td ta="right">{formatNumber(total, i18n.language)}</Table.Td>
          </Table.Tr>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={400}>
                {row.label}
              </Table.Th>
              <Table.Td ta="right">{formatNumber(row.value, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
