import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Destination, DestinationTestResult } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { i18n } from '../../../i18n';
import { notifyDone, notifyFailed } from '../../../components/notify';
import { usePinHostKey } from './destinations-api';

interface TestResultProps {
  destination: Destination;
  result: DestinationTestResult;
  /** Called after the key is pinned, to test again with it. */
  onPinned: (destination: Destination) => void;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The failure's code in words (`errors.delivery.connection_refused`), when the app knows it. */
function useReason(code: string | undefined): string | undefined {
  const { t } = useTranslation();
  const key = `errors.${code ?? ''}`;
  return code !== undefined && i18n.exists(key) ? t(key as 'errors.unknown') : undefined;
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
  const code = text(result.details.code);
  const reason = useReason(code);
  const fingerprint = text(result.details.fingerprint);
  const title = result.success
    ? t('destinations.test.succeeded', { name: destination.name })
    : t('destinations.test.failed', { name: destination.name });
  return (
    <Alert color={result.success ? 'green' : 'red'} title={title} role="status">
      <Stack gap="xs">
        {reason !== undefined && <Text fw={500}>{reason}</Text>}
        <Text size="sm">{result.message}</Text>
        {code !== undefined && (
          <Text size="xs" c="dimmed">
            {t('destinations.test.code', { code })}
          </Text>
        )}
        {code === 'delivery.host_key_unknown' && fingerprint !== undefined && (
          <PinHostKey destination={destination} fingerprint={fingerprint} onPinned={onPinned} />
        )}
      </Stack>
    </Alert>
  );
}
