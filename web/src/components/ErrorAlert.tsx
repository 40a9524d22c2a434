import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors';
import { errorMessage } from './error-message';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
}

/** An API error in words (translated by code), with field issues when the server listed them. */
export function ErrorAlert({ error, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (error === null || error === undefined) {
    return null;
  }
  const issues = isApiError(error) ? error.issues : [];
  return (
    <Alert color="red" role="alert" title={title ?? t('common.error')}>
      {errorMessage(t, error)}
      {issues.length > 0 && (
        <List size="sm" mt="xs">
          {issues.map((issue) => (
            <List.Item key={`${issue.path}:${issue.message}`}>
              {issue.path}: {issue.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
