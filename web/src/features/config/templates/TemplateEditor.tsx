import {
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notifyDone } from '../../../components/notify';
import { TemplatePreview } from './TemplatePreview';
import { useSaveTemplate, type TemplateFilter } from './templates-api';
import { monoInput } from '../../../components/mono';

interface TemplateEditorProps {
  /** The template opened; a new one starts from it too (its id is then ignored). */
  template: Template;
  creating: boolean;
  filter: TemplateFilter;
  canWrite: boolean;
  onClose: () => void;
}

function useTemplateForm(props: TemplateEditorProps) {
  const { t } = useTranslation();
  const save = useSaveTemplate();
  const { template, creating } = props;
  const form = useForm({
    initialValues: {
      name: creating ? '' : template.name,
      description: (creating ? null : template.description) ?? '',
      content: template.content,
    },
    validate: {
      name: (value) => (value.trim() === '' ? t('form.required') : null),
      content: (value) => (value.trim() === '' ? t('form.required') : null),
    },
  });
  /** `asNew`: store a new template (always so for a built-in or a new one). */
  const submit = (asNew: boolean) =>
    form.onSubmit((values) => {
      const id = asNew || creating ? null : template.id;
      const draft = { ...props.filter, ...values, name: values.name.trim() };
      save.mutate(
        { id, draft },
        {
          onSuccess: (saved) => {
            notifyDone(t('templates.notify.saved', { name: saved.name }));
            props.onClose();
          },
        },
      );
    });
  return { form, save, submit };
}

/** Liquid source as typed: monospace, no wrapping (a wrapped line would hide its real width). */
const SOURCE_STYLES = {
  input: { ...monoInput.input, fontSize: 12, whiteSpace: 'pre', overflowX: 'auto' },
} as const;

interface EditorButtonsProps {
  canWrite: boolean;
  /** A stored template is saved over, or copied; a built-in or new one can only be stored anew. */
  storedOne: boolean;
  saving: boolean;
  onClose: () => void;
  onSaveAsNew: () => void;
}

function EditorButtons(props: EditorButtonsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onClose}>
        {t('templates.editor.close')}
      </Button>
      {props.canWrite && props.storedOne && (
        <Button variant="light" loading={props.saving} onClick={props.onSaveAsNew}>
          {t('templates.editor.saveAsNew')}
        </Button>
      )}
      {props.canWrite && (
        <Button type="submit" loading={props.saving}>
          {props.storedOne ? t('common.save') : t('templates.editor.saveAsNew')}
        </Button>
      )}
    </Group>
  );
}

/** Name, description and Liquid text on the left; the live preview with its warnings on the right. */
export function TemplateEditor(props: TemplateEditorProps) {
  const { t } = useTranslation();
  const { form, save, submit } = useTemplateForm(props);
  const { template, creating, canWrite } = props;
  const storedOne = !creating && template.id !== null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="template-editor">
      <form onSubmit={submit(!storedOne)} noValidate>
        <Stack>
          <Title order={2} size="h4" id="template-editor">
            {creating
              ? t('templates.editor.newTitle')
              : t('templates.editor.title', { name: template.name })}
          </Title>
          {!canWrite && (
            <Text size="sm" c="dimmed">
              {t('templates.editor.previewOnly')}
            </Text>
          )}
          {save.isError && <ErrorAlert error={save.error} />}
          {canWrite && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('templates.fields.name')}
                required
                {...form.getInputProps('name')}
              />
              <TextInput
                label={t('templates.fields.description')}
                {...form.getInputProps('description')}
              />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Textarea
              label={t('templates.fields.content')}
              description={t('templates.editor.contentHint')}
              autosize
              minRows={16}
              maxRows={40}
              styles={SOURCE_STYLES}
              spellCheck={false}
              {...form.getInputProps('content')}
            />
            <TemplatePreview content={form.getValues().content} filter={props.filter} />
          </SimpleGrid>
          <EditorButtons
            canWrite={canWrite}
            storedOne={storedOne}
            saving={save.isPending}
            onClose={props.onClose}
            onSaveAsNew={submit(true)}
          />
        </Stack>
      </form>
    </Paper>
  );
}
