import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Scope } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSetPreference } from './preferences-api';
import { monoInput } from '../../../components/mono';

interface PreferenceEditModalProps {
  /** The key to edit, or null for a new key. */
  preferenceKey: string | null;
  value: unknown;
  scope: Scope;
  onClose: () => void;
  onSaved: (key: string) => void;
}

const KEY_PATTERN = /^[A-Za-z0-9_.:+-]{1,100}$/;

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function usePreferenceForm(props: PreferenceEditModalProps) {
  const { t } = useTranslation();
  const save = useSetPreference();
  const form = useForm({
    initialValues: {
      key: props.preferenceKey ?? '',
      json: props.preferenceKey === null ? '' : JSON.stringify(props.value, null, 2),
    },
    validate: {
      key: (value) => (KEY_PATTERN.test(value.trim()) ? null : t('preferences.form.keyRule')),
      json: (value) => (parses(value) ? null : t('preferences.form.jsonRule')),
    },
  });
  const submit = form.onSubmit((values) => {
    const key = values.key.trim();
    const value = JSON.parse(values.json) as unknown;
    save.mutate(
      { key, value, scope: props.scope },
      {
        onSuccess: () => {
          props.onSaved(key);
        },
      },
    );
  });
  return { form, save, submit };
}

/** Edits one value as JSON (a string needs its quotes), in the user's or the global scope. */
export function PreferenceEditModal(props: PreferenceEditModalProps) {
  const { t } = useTranslation();
  const { form, save, submit } = usePreferenceForm(props);
  const creating = props.preferenceKey === null;
  const title = creating
    ? t('preferences.form.createTitle', { scope: t(`scope.${props.scope}`) })
    : t('preferences.form.editTitle', {
        key: props.preferenceKey,
        scope: t(`scope.${props.scope}`),
      });
  return (
    <Modal opened onClose={props.onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.isError && <ErrorAlert error={save.error} />}
          <TextInput
            label={t('preferences.fields.key')}
            disabled={!creating}
            styles={monoInput}
            {...form.getInputProps('key')}
          />
          <Textarea
            label={t('preferences.form.json')}
            description={t('preferences.form.jsonHint')}
            autosize
            minRows={3}
            maxRows={16}
            styles={monoInput}
            {...form.getInputProps('json')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
