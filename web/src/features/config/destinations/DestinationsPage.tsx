import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Destination, DestinationTestResult } from '../../../api/types';
import { useOwnerNames } from '../../../app/owner-names';
import { usePermissions } from '../../../app/permissions';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifyFailed } from '../../../components/notify';
import { PagePicker } from '../../../components/PagePicker';
import { ReadOnlyNotice } from '../../../components/ReadOnlyNotice';
import { DestinationDialogs, type Dialog } from './DestinationDialogs';
import { DestinationsTable, type DestinationIntent } from './DestinationsTable';
import { PAGE_SIZE, useDestinations, useTestDestination } from './destinations-api';
import { TestResult } from './TestResult';

interface Tested {
  destination: Destination;
  result: DestinationTestResult;
}

/** Runs a connection test and keeps the last answer to show it above the list. */
function useDestinationTests() {
  const { t } = useTranslation();
  const test = useTestDestination();
  const [tested, setTested] = useState<Tested | null>(null);
  const run = (destination: Destination) => {
    setTested(null);
    test.mutate(destination, {
      onSuccess: (result) => {
        setTested({ destination, result });
      },
      onError: (error) => {
        notifyFailed(t, error);
      },
    });
  };
  return { run, tested, testingId: test.isPending ? test.variables.id : null };
}

/** FTP, FTPS and SFTP destinations: list, create/edit, test the connection, delete. */
export function DestinationsPage() {
  const { t } = useTranslation();
  const { canWrite, isAdmin } = usePermissions();
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const destinations = useDestinations(page);
  const ownerName = useOwnerNames(isAdmin);
  const tests = useDestinationTests();
  const onIntent = (destination: Destination, intent: DestinationIntent) => {
    if (intent === 'test') {
      tests.run(destination);
    } else {
      setDialog({ kind: intent, destination });
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('destinations.title')}</Title>
        {canWrite && (
          <Button
            onClick={() => {
              setDialog({ kind: 'create' });
            }}
          >
            {t('destinations.actions.create')}
          </Button>
        )}
      </Group>
      <Text c="dimmed">{t('destinations.lead')}</Text>
      {!canWrite && <ReadOnlyNotice message={t('destinations.readOnly')} />}
      {tests.tested && <TestResult {...tests.tested} onPinned={tests.run} />}
      {destinations.isPending && <Loader aria-label={t('common.loading')} />}
      {destinations.isError && <ErrorAlert error={destinations.error} />}
      {destinations.data && (
        <DestinationsTable
          destinations={destinations.data.items}
          canWrite={canWrite}
          testingId={tests.testingId}
          ownerName={ownerName}
          onIntent={onIntent}
        />
      )}
      <PagePicker
        total={destinations.data?.total ?? 0}
        pageSize={PAGE_SIZE}
        page={page}
        onPage={setPage}
      />
      <DestinationDialogs
        dialog={dialog}
        onClose={() => {
          setDialog(null);
        }}
      />
    </Stack>
  );
}
