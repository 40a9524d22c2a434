import { Button, Divider, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/errors';
import type { Destination } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { fieldErrorsFrom } from '../../../components/form-errors';
import { isStored } from '../../../components/SecretField';
import { ConnectionFields, CredentialFields, RoutingFields } from './DestinationFields';
import {
  DESTINATION_FIELDS,
  initialValues,
  validator,
  type DestinationFormValues,
} from './destination-form';
import { useSaveDestination } from './destinations-api';

interface DestinationFormModalProps {
  /** The destination to edit, or null to create one. */
  editing: Destination | null;
  onClose: () => void;
  onSaved: (destination: Destination) => void;
}

function storedSecrets(editing: Destination | null): Set<string> {
  const stored = new Set<string>();
  for (const field of ['password', 'privateKey', 'passphrase'] as const) {
    if (isStored(editing?.[field])) {
      stored.add(field);
    }
  }
  return stored;
}

export function DestinationFormModal({ editing, onClose, onSaved }: DestinationFormModalProps) {
  const { t } = useTranslation();
  const save = useSaveDestination(editing);
  const form = useForm<DestinationFormValues>({
    initialValues: initialValues(editing),
    validate: validator(t),
  });
  const submit = form.onSubmit((values) => {
    save.mutate(values, {
      onSuccess: onSaved,
      onError: (error) => {
        const fields = fieldErrorsFrom(error, DESTINATION_FIELDS);
        if (isApiError(error) && error.code === 'resource.conflict') {
          fields.name = t('destinations.form.nameTaken');
        }
        form.setErrors(fields);
      },
    });
  });
  const title = editing
    ? t('destinations.form.editTitle', { name: editing.name })
    : t('destinations.form.createTitle');
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.isError && <ErrorAlert error={save.error} />}
          <ConnectionFields form={form} />
          <Divider label={t('destinations.form.credentials')} labelPosition="left" />
          <CredentialFields form={form} stored={storedSecrets(editing)} />
          <Divider label={t('destinations.form.routing')} labelPosition="left" />
          <RoutingFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {editing ? t('common.save') : t('destinations.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
