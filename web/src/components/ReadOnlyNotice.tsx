import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Says why the page shows no edit controls: the role may read but not change. */
export function ReadOnlyNotice({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" role="note" title={t('readOnly.title')}>
      {message ?? t('readOnly.body')}
    </Alert>
  );
}
