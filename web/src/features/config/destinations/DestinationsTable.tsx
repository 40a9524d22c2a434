import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Destination } from '../../../api/types';
import { protocolKey } from './destination-form';

export type DestinationIntent = 'test' | 'edit' | 'delete';

interface DestinationsTableProps {
  destinations: Destination[];
  canWrite: boolean;
  testingId: string | null;
  /** Admins see everyone's destinations: the owner's name, when known. */
  ownerName?: (userId: string) => string;
  onIntent: (destination: Destination, intent: DestinationIntent) => void;
}

function Actions(props: {
  destination: Destination;
  testing: boolean;
  onIntent: DestinationsTableProps['onIntent'];
}) {
  const { t } = useTranslation();
  const { destination, onIntent } = props;
  const name = destination.name;
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        loading={props.testing}
        aria-label={t('destinations.actions.testNamed', { name })}
        onClick={() => {
          onIntent(destination, 'test');
        }}
      >
        {t('destinations.actions.test')}
      </Button>
      <Button
        size="xs"
        variant="default"
        aria-label={t('destinations.actions.editNamed', { name })}
        onClick={() => {
          onIntent(destination, 'edit');
        }}
      >
        {t('destinations.actions.edit')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        aria-label={t('destinations.actions.deleteNamed', { name })}
        onClick={() => {
          onIntent(destination, 'delete');
        }}
      >
        {t('destinations.actions.delete')}
      </Button>
    </Group>
  );
}

/** The group and release type this destination is picked for automatically. */
function autoLabel(destination: Destination): string {
  const parts = [destination.groupName, destination.releaseType].filter((part) => part !== null);
  return parts.length === 0 ? '—' : parts.join(' · ');
}

export function DestinationsTable(props: DestinationsTableProps) {
  const { t } = useTranslation();
  if (props.destinations.length === 0) {
    return <Text c="dimmed">{t('destinations.empty')}</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped aria-label={t('destinations.table.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('destinations.fields.name')}</Table.Th>
            {props.ownerName && <Table.Th>{t('destinations.table.owner')}</Table.Th>}
            <Table.Th>{t('destinations.fields.protocol')}</Table.Th>
            <Table.Th>{t('destinations.table.address')}</Table.Th>
            <Table.Th>{t('destinations.fields.username')}</Table.Th>
            <Table.Th>{t('destinations.fields.password')}</Table.Th>
            <Table.Th>{t('destinations.fields.remotePath')}</Table.Th>
            <Table.Th>{t('destinations.table.auto')}</Table.Th>
            <Table.Th>{t('destinations.table.status')}</Table.Th>
            {props.canWrite && <Table.Th>{t('destinations.table.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.destinations.map((destination) => (
            <Table.Tr key={destination.id}>
              <Table.Th scope="row">{destination.name}</Table.Th>
              {props.ownerName && <Table.Td>{props.ownerName(destination.userId)}</Table.Td>}
              <Table.Td>{t(protocolKey(destination.protocol))}</Table.Td>
              <Table.Td>{`${destination.host}:${String(destination.port)}`}</Table.Td>
              <Table.Td>{destination.username}</Table.Td>
              <Table.Td ff="monospace">{destination.password ?? '—'}</Table.Td>
              <Table.Td ff="monospace">{destination.remotePath}</Table.Td>
              <Table.Td>{autoLabel(destination)}</Table.Td>
              <Table.Td>
                <Badge color={destination.enabled ? 'green' : 'gray'} variant="light">
                  {destination.enabled ? t('common.enabled') : t('common.disabled')}
                </Badge>
              </Table.Td>
              {props.canWrite && (
                <Table.Td>
                  <Actions
                    destination={destination}
                    testing={props.testingId === destination.id}
                    onIntent={props.onIntent}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
