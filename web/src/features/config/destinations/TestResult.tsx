import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Destination, DestinationTestResult } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifyDone, notifyFailed } from '../../../components/notify';
import { TestOutcome } from '../../../components/TestOutcome';
import { usePinHostKey } from './destinations-api';

interface TestResultProps {
  destination: Destination;
  result: DestinationTestResult;
  /** Called after the key is pinned, to test again with it. */
  onPinned: (destination: Destination) => void;
}

function PinHostKey(props: {
  destination: Destination;
  fingerprint: string;
  onPinned: (destination: Destination) => void;
}) {
  const { t } = useTranslation();
  const pin = usePinHostKey();
  const confirm = () => {
    pin.mutate(
      { id: props.destination.id, fingerprint: props.fingerprint },
      {
        onSuccess: () => {
          notifyDone(t('destinations.test.pinned', { name: props.destination.name }));
          props.onPinned(props.destination);
        },
        onError: (error) => {
          notifyFailed(t, error);
        },
      },
    );
  };
  return (
    <Stack gap="xs">
      <Text size="sm">{t('destinations.test.unknownKey')}</Text>
      <Code block aria-label={t('destinations.test.offeredKey')}>
        {props.fingerprint}
      </Code>
      <Group>
        <Button size="xs" loading={pin.isPending} onClick={confirm}>
          {t('destinations.test.pin')}
        </Button>
      </Group>
      {pin.isError && <ErrorAlert error={pin.error} />}
    </Stack>
  );
}

/** What a connection test found: success, or the precise reason it failed (and a key to pin). */
export function TestResult({ destination, result, onPinned }: TestResultProps) {
  const { t } = useTranslation();
  const { code, fingerprint } = result.details;
  const title = result.success
    ? t('destinations.test.succeeded', { name: destination.name })
    : t('destinations.test.failed', { name: destination.name });
  return (
    <TestOutcome title={title} answer={result}>
      {code === 'delivery.host_key_unknown' && typeof fingerprint === 'string' && (
        <PinHostKey destination={destination} fingerprint={fingerprint} onPinned={onPinned} />
      )}
    </TestOutcome>
  );
}
