import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RELEASE_TYPES } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { fieldErrorsFrom } from '../../../components/form-errors';
import { notifyDone } from '../../../components/notify';
import { GROUP_PATTERN, useSetPath, type PathFormValues } from './paths-api';
import { monoInput } from '../../../components/mono';

interface PathFormProps {
  isAdmin: boolean;
  /** Called with the group and type just saved, so the page shows their effective paths. */
  onSaved: (values: PathFormValues) => void;
}

/** A refused directory says why, in the user's language, with the server's precise reason. */
function refusals(t: TFunction, error: unknown): Record<string, string> {
  const fields = fieldErrorsFrom(error, ['outputDir', 'inputDir', 'groupName']);
  return Object.fromEntries(
    Object.entries(fields).map(([field, reason]) => [field, t('paths.form.refused', { reason })]),
  );
}

function usePathForm(onSaved: PathFormProps['onSaved']) {
  const { t } = useTranslation();
  const save = useSetPath();
  const form = useForm<PathFormValues>({
    initialValues: {
      groupName: '',
      releaseType: 'EBOOK',
      outputDir: '',
      inputDir: '',
      scope: 'user',
    },
    validate: {
      groupName: (value) => (GROUP_PATTERN.test(value.trim()) ? null : t('form.groupRule')),
      outputDir: (value) => (value.trim() === '' ? t('form.required') : null),
    },
  });
  const submit = form.onSubmit((values) => {
    save.mutate(values, {
      onSuccess: (rule) => {
        const type = t(`releaseType.${rule.releaseType}`);
        notifyDone(t('paths.notify.saved', { group: rule.groupName, type }));
        onSaved(values);
      },
      onError: (error) => {
        form.setErrors(refusals(t, error));
      },
    });
  });
  return { form, save, submit };
}

function PathFields(props: { form: UseFormReturnType<PathFormValues>; isAdmin: boolean }) {
  const { t } = useTranslation();
  const { form } = props;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t('paths.fields.groupName')}
        required
        {...form.getInputProps('groupName')}
      />
      <NativeSelect
        label={t('paths.fields.releaseType')}
        data={RELEASE_TYPES.map((value) => ({ value, label: t(`releaseType.${value}`) }))}
        {...form.getInputProps('releaseType')}
      />
      <TextInput
        label={t('paths.fields.outputDir')}
        description={t('paths.form.dirHint')}
        required
        styles={monoInput}
        {...form.getInputProps('outputDir')}
      />
      <TextInput
        label={t('paths.fields.inputDir')}
        description={t('paths.form.inputHint')}
        styles={monoInput}
        {...form.getInputProps('inputDir')}
      />
      {props.isAdmin && (
        <NativeSelect
          label={t('paths.fields.scope')}
          data={[
            { value: 'user', label: t('scope.user') },
            { value: 'global', label: t('scope.global') },
          ]}
          {...form.getInputProps('scope')}
        />
      )}
    </SimpleGrid>
  );
}

/** Sets the output (and input) directory of a group and release type, for you or for everyone. */
export function PathForm({ isAdmin, onSaved }: PathFormProps) {
  const { t } = useTranslation();
  const { form, save, submit } = usePathForm(onSaved);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="path-form">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="path-form">
            {t('paths.form.title')}
          </Title>
          {save.isError && <ErrorAlert error={save.error} />}
          <PathFields form={form} isAdmin={isAdmin} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('paths.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
