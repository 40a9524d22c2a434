import { Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { isApiError } from '../../api/errors';
import { SESSION_KEY } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';

const MIN_LENGTH = 10;

function usePasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (value) => (value === '' ? t('profile.password.currentRequired') : null),
      newPassword: (value) => (value.length < MIN_LENGTH ? t('profile.password.rule') : null),
      confirm: (value, values) =>
        value !== values.newPassword ? t('profile.password.mismatch') : null,
    },
  });
  const change = useMutation({
    mutationFn: (values: typeof form.values) =>
      api.put('/api/auth/password', {
        body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
      }),
    onError: (error) => {
      // `auth.wrong_password`: the current password was mistyped.
      if (isApiError(error) && error.code === 'auth.wrong_password') {
        form.setFieldError('currentPassword', t('profile.password.currentWrong'));
      }
    },
    onSuccess: async () => {
      form.reset();
      notifications.show({ color: 'green', message: t('profile.password.changed') });
      // `mustChangePassword` is now false: the banner goes away.
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
  const submit = form.onSubmit((values) => {
    change.mutate(values);
  });
  return { form, change, submit };
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { form, change, submit } = usePasswordForm();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="change-password">
      <form onSubmit={submit} noValidate>
        <Stack maw={420}>
          <Title order={2} size="h4" id="change-password">
            {t('profile.password.title')}
          </Title>
          {change.isError && !form.errors.currentPassword && <ErrorAlert error={change.error} />}
          <PasswordInput
            label={t('profile.password.current')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('profile.password.new')}
            description={t('profile.password.rule')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('profile.password.confirm')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t('profile.password.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
