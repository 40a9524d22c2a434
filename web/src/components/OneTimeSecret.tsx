import { Alert, Button, Code, CopyButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface OneTimeSecretProps {
  title: string;
  label: string;
  secret: string;
  onDismiss: () => void;
}

/** A secret the server shows only once (temporary password, API token), with a copy button. */
export function OneTimeSecret({ title, label, secret, onDismiss }: OneTimeSecretProps) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={title} role="status">
      <Text size="sm">{t('secret.onlyOnce')}</Text>
      <Code block mt="xs" aria-label={label}>
        {secret}
      </Code>
      <Group mt="sm">
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? t('secret.copied') : t('secret.copy')}
            </Button>
          )}
        </CopyButton>
        <Button size="xs" variant="subtle" onClick={onDismiss}>
          {t('secret.dismiss')}
        </Button>
      </Group>
    </Alert>
  );
}
