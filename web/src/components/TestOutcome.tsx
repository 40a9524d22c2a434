import { Alert, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';

/** The `{ success, message, details }` answer of the connection and provider tests. */
export interface TestAnswer {
  success: boolean;
  message: string;
  details: Record<string, unknown>;
}

interface TestOutcomeProps {
  title: string;
  answer: TestAnswer;
  /** What the user can do about this answer (pin a key…). */
  children?: ReactNode;
}

/** Success, or the failure's code in words (`errors.<code>`), the server's precise message and code. */
export function TestOutcome({ title, answer, children }: TestOutcomeProps) {
  const { t } = useTranslation();
  const code = typeof answer.details.code === 'string' ? answer.details.code : undefined;
  const key = `errors.${code ?? ''}`;
  const reason = code !== undefined && i18n.exists(key) ? t(key as 'errors.unknown') : undefined;
  return (
    <Alert color={answer.success ? 'green' : 'red'} title={title} role="status">
      <Stack gap="xs">
        {reason !== undefined && <Text fw={500}>{reason}</Text>}
        <Text size="sm">{answer.message}</Text>
        {code !== undefined && (
          <Text size="xs" c="dimmed">
            {t('test.code', { code })}
          </Text>
        )}
        {children}
      </Stack>
    </Alert>
  );
}
