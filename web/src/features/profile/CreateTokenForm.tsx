import { Button, Group, NumberInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCreateToken } from './tokens-api';

/** Names a new personal API token; the secret itself is handed to `onCreated` (shown once). */
export function CreateTokenForm({ onCreated }: { onCreated: (token: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const form = useForm<{ name: string; expiresInDays: number | string }>({
    initialValues: { name: '', expiresInDays: 90 },
    validate: {
      name: (value) => (value.trim() === '' ? t('profile.tokens.nameRequired') : null),
    },
  });
  const submit = form.onSubmit((values) => {
    const days = typeof values.expiresInDays === 'number' ? values.expiresInDays : null;
    create.mutate(
      { name: values.name.trim(), expiresInDays: days },
      {
        onSuccess: (result) => {
          form.reset();
          onCreated(result.token);
        },
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      {create.isError && <ErrorAlert error={create.error} />}
      <Group align="flex-end">
        <TextInput label={t('profile.tokens.name')} required {...form.getInputProps('name')} />
        <NumberInput
          label={t('profile.tokens.expiresInDays')}
          description={t('profile.tokens.expiresHint')}
          min={1}
          max={3650}
          allowDecimal={false}
          {...form.getInputProps('expiresInDays')}
        />
        <Button type="submit" loading={create.isPending}>
          {t('profile.tokens.create')}
        </Button>
      </Group>
    </form>
  );
}
