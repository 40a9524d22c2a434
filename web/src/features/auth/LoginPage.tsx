import { Alert, Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { signIn, useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Only same-app paths, so `?next=` cannot send the user to another site. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/dashboard';
}

function useLoginForm(next: string) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (value) => (value.trim() === '' ? t('auth.usernameRequired') : null),
      password: (value) => (value === '' ? t('auth.passwordRequired') : null),
    },
  });
  const login = useMutation({
    mutationFn: (values: typeof form.values) => signIn(queryClient, values),
    onSuccess: () => navigate(next, { replace: true }),
  });
  const submit = form.onSubmit((values) => {
    login.mutate(values);
  });
  return { form, login, submit };
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const session = useSession();
  const { form, login, submit } = useLoginForm(next);
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;

  // Right after sign-out the session is forgotten a moment after this page shows.
  if (session.data && !login.isPending && !signedOut) {
    return <Navigate to={next} replace />;
  }
  return (
    <Paper withBorder p="xl" maw={420} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('auth.title')}
          </Title>
          {signedOut && !login.isError && (
            <Alert color="green" role="status">
              {t('auth.signedOut')}
            </Alert>
          )}
          {login.isError && <ErrorAlert error={login.error} title={t('auth.failed')} />}
          <TextInput
            label={t('auth.username')}
            autoComplete="username"
            required
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={login.isPending}>
            {t('auth.signIn')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
