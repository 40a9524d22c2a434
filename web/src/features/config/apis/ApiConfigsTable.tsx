import { Badge, Button, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PROVIDERS, type ApiConfig, type Provider } from '../../../api/types';
import type { ApiConfigTarget } from './api-configs-api';

interface Row extends ApiConfigTarget {
  inUse: boolean;
  editable: boolean;
  /** The provider test runs with the settings in use: offered on that row (else on "yours"). */
  testable: boolean;
}

/** Two rows per provider: the user's own and the global one; the own row wins when it exists. */
export function rowsFor(items: ApiConfig[], userId: string, isAdmin: boolean, canWrite: boolean) {
  return PROVIDERS.flatMap((provider): Row[] => {
    const own = items.find(
      (i) => i.provider === provider && i.scope === 'user' && i.userId === userId,
    );
    const global = items.find((i) => i.provider === provider && i.scope === 'global');
    return [
      {
        provider,
        scope: 'user',
        current: own ?? null,
        inUse: own !== undefined,
        editable: canWrite,
        testable: own !== undefined || global === undefined,
      },
      {
        provider,
        scope: 'global',
        current: global ?? null,
        inUse: own === undefined && global !== undefined,
        editable: isAdmin,
        testable: own === undefined && global !== undefined,
      },
    ];
  });
}

interface ApiConfigsTableProps {
  rows: Row[];
  isAdmin: boolean;
  onEdit: (target: ApiConfigTarget) => void;
  onDelete: (row: ApiConfig) => void;
  onTest: (provider: Provider) => void;
  testing: Provider | null;
}

function RowActions({ row, ...props }: { row: Row } & Omit<ApiConfigsTableProps, 'rows'>) {
  const { t } = useTranslation();
  const names = { provider: t(`provider.${row.provider}`), scope: t(`scope.${row.scope}`) };
  const current = row.current;
  return (
    <Group gap={4} wrap="nowrap">
      {row.testable && (
        <Button
          size="xs"
          variant="light"
          loading={props.testing === row.provider}
          aria-label={t('apis.actions.testNamed', names)}
          onClick={() => {
            props.onTest(row.provider);
          }}
        >
          {t('apis.actions.test')}
        </Button>
      )}
      {row.editable && (
        <Button
          size="xs"
          variant="default"
          aria-label={t(current ? 'apis.actions.editNamed' : 'apis.actions.setNamed', names)}
          onClick={() => {
            props.onEdit(row);
          }}
        >
          {current ? t('apis.actions.edit') : t('apis.actions.set')}
        </Button>
      )}
      {props.isAdmin && current && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          aria-label={t('apis.actions.deleteNamed', names)}
          onClick={() => {
            props.onDelete(current);
          }}
        >
          {t('apis.actions.delete')}
        </Button>
      )}
    </Group>
  );
}

export function ApiConfigsTable(props: ApiConfigsTableProps) {
  const { t } = useTranslation();
  const label = (provider: Provider) => t(`provider.${provider}`);
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped aria-label={t('apis.table.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('apis.table.provider')}</Table.Th>
            <Table.Th>{t('apis.table.scope')}</Table.Th>
            <Table.Th>{t('apis.fields.apiKey')}</Table.Th>
            <Table.Th>{t('apis.fields.pin')}</Table.Th>
            <Table.Th>{t('apis.fields.baseUrl')}</Table.Th>
            <Table.Th>{t('apis.table.status')}</Table.Th>
            <Table.Th>{t('apis.table.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={`${row.provider}:${row.scope}`}>
              <Table.Th scope="row">{label(row.provider)}</Table.Th>
              <Table.Td>
                <Group gap={4}>
                  {t(`scope.${row.scope}`)}
                  {row.inUse && <Badge variant="light">{t('apis.table.inUse')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td ff={row.current?.apiKey ? 'monospace' : undefined}>
                {row.current?.apiKey ?? t('apis.table.notSet')}
              </Table.Td>
              <Table.Td ff="monospace">{row.current?.pin ?? '—'}</Table.Td>
              <Table.Td>{row.current?.baseUrl ?? '—'}</Table.Td>
              <Table.Td>
                {row.current && (
                  <Badge color={row.current.enabled ? 'green' : 'gray'} variant="light">
                    {row.current.enabled ? t('common.enabled') : t('common.disabled')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <RowActions {...props} row={row} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
