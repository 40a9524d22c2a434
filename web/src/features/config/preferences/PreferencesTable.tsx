import { Button, Code, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SourceBadge } from '../../../components/SourceBadge';
import type { PreferenceRow } from './preferences-api';

interface PreferencesTableProps {
  label: string;
  rows: PreferenceRow[];
  canEdit: (row: PreferenceRow) => boolean;
  /** Whether the row's stored value may be removed (falling back to the next level). */
  canRemove: (row: PreferenceRow) => boolean;
  onEdit: (row: PreferenceRow) => void;
  onRemove: (row: PreferenceRow) => void;
}

function RowActions(props: { row: PreferenceRow } & Omit<PreferencesTableProps, 'rows' | 'label'>) {
  const { t } = useTranslation();
  const { row } = props;
  return (
    <Group gap={4} wrap="nowrap">
      {props.canEdit(row) && (
        <Button
          size="xs"
          variant="default"
          aria-label={t('preferences.actions.editNamed', { key: row.key })}
          onClick={() => {
            props.onEdit(row);
          }}
        >
          {t('preferences.actions.edit')}
        </Button>
      )}
      {props.canRemove(row) && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          aria-label={t('preferences.actions.removeNamed', { key: row.key })}
          onClick={() => {
            props.onRemove(row);
          }}
        >
          {t('preferences.actions.remove')}
        </Button>
      )}
    </Group>
  );
}

export function PreferencesTable({ label, rows, ...actions }: PreferencesTableProps) {
  const { t } = useTranslation();
  if (rows.length === 0) {
    return <Text c="dimmed">{t('preferences.empty')}</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('preferences.fields.key')}</Table.Th>
            <Table.Th>{t('preferences.fields.value')}</Table.Th>
            <Table.Th>{t('preferences.fields.source')}</Table.Th>
            <Table.Th>{t('preferences.table.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" ff="monospace">
                {row.key}
              </Table.Th>
              <Table.Td>
                <Code>{JSON.stringify(row.value)}</Code>
              </Table.Td>
              <Table.Td>
                <SourceBadge source={row.source} />
              </Table.Td>
              <Table.Td>
                <RowActions row={row} {...actions} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
