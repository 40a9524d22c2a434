import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { ROLES, type User } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSaveUser, type UserFormValues } from './users-api';

interface UserFormModalProps {
  /** The user to edit, or null to create one. */
  editing: User | null;
  onClose: () => void;
  onSaved: (user: User) => void;
}

const USERNAME = /^[A-Za-z0-9_.-]{3,64}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validator(t: TFunction, creating: boolean) {
  return {
    username: (value: string) =>
      creating && !USERNAME.test(value.trim()) ? t('users.form.usernameRule') : null,
    email: (value: string) =>
      value.trim() !== '' && !EMAIL.test(value.trim()) ? t('users.form.emailRule') : null,
    password: (value: string) =>
      creating && value.length < 10 ? t('users.form.passwordRule') : null,
  };
}

/** Maps a 409 on a field (user name, e-mail) to that field's message. */
function conflictErrors(t: TFunction, error: unknown): Record<string, string> | null {
  if (!isApiError(error) || error.code !== 'resource.conflict') {
    return null;
  }
  return error.field === 'email'
    ? { email: t('users.form.emailTaken') }
    : { username: t('users.form.usernameTaken') };
}

function UserFormFields(props: { form: UseFormReturnType<UserFormValues>; creating: boolean }) {
  const { form, creating } = props;
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('users.fields.username')}
        required={creating}
        disabled={!creating}
        autoComplete="off"
        {...form.getInputProps('username')}
      />
      <TextInput label={t('users.fields.displayName')} {...form.getInputProps('displayName')} />
      <TextInput label={t('users.fields.email')} type="email" {...form.getInputProps('email')} />
      {creating && (
        <>
          <NativeSelect
            label={t('users.fields.role')}
            data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            {...form.getInputProps('role')}
          />
          <PasswordInput
            label={t('users.fields.password')}
            description={t('users.form.passwordRule')}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
        </>
      )}
    </>
  );
}

export function UserFormModal({ editing, onClose, onSaved }: UserFormModalProps) {
  const { t } = useTranslation();
  const creating = editing === null;
  const save = useSaveUser(editing);
  const form = useForm<UserFormValues>({
    initialValues: {
      username: editing?.username ?? '',
      displayName: editing?.displayName ?? '',
      email: editing?.email ?? '',
      role: editing?.role ?? 'operator',
      password: '',
    },
    validate: validator(t, creating),
  });
  const submit = form.onSubmit((values) => {
    save.mutate(values, {
      onSuccess: onSaved,
      onError: (error) => {
        const fields = conflictErrors(t, error);
        if (fields) {
          form.setErrors(fields);
        }
      },
    });
  });
  const title = creating
    ? t('users.form.createTitle')
    : t('users.form.editTitle', { username: editing.username });

  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.isError && <ErrorAlert error={save.error} />}
          <UserFormFields form={form} creating={creating} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {creating ? t('users.form.create') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
