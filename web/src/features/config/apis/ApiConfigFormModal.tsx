import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { SECRET_MASK } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { fieldErrorsFrom } from '../../../components/form-errors';
import { isStored, SecretField } from '../../../components/SecretField';
import {
  useSaveApiConfig,
  type ApiConfigFormValues,
  type ApiConfigTarget,
} from './api-configs-api';

interface ApiConfigFormModalProps {
  target: ApiConfigTarget;
  onClose: () => void;
  onSaved: () => void;
}

const URL_PATTERN = /^https?:\/\/\S+$/;

const masked = (value: string | null | undefined) => (isStored(value) ? SECRET_MASK : '');

function useApiConfigForm({ target, onSaved }: ApiConfigFormModalProps) {
  const { t } = useTranslation();
  const { current } = target;
  const save = useSaveApiConfig(target);
  const form = useForm<ApiConfigFormValues>({
    initialValues: {
      apiKey: masked(current?.apiKey),
      pin: masked(current?.pin),
      baseUrl: current?.baseUrl ?? '',
      enabled: current?.enabled ?? true,
    },
    validate: {
      baseUrl: (value) =>
        value.trim() !== '' && !URL_PATTERN.test(value.trim()) ? t('apis.form.urlRule') : null,
    },
  });
  const submit = form.onSubmit((values) => {
    save.mutate(values, {
      onSuccess: onSaved,
      onError: (error) => {
        form.setErrors(fieldErrorsFrom(error, ['apiKey', 'pin', 'baseUrl']));
      },
    });
  });
  const secret = (field: 'apiKey' | 'pin') => ({
    stored: isStored(current?.[field]),
    value: form.getValues()[field],
    onChange: (value: string | null) => {
      form.setFieldValue(field, value);
    },
  });
  return { form, save, submit, secret };
}

/** The key, PIN (TheTVDB), base URL and switch of one provider in one scope. */
export function ApiConfigFormModal(props: ApiConfigFormModalProps) {
  const { t } = useTranslation();
  const { onClose } = props;
  const { provider, scope } = props.target;
  const { form, save, submit, secret } = useApiConfigForm(props);
  const title = t('apis.form.title', {
    provider: t(`provider.${provider}`),
    scope: t(`scope.${scope}`),
  });
  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {save.isError && <ErrorAlert error={save.error} />}
          <SecretField label={t('apis.fields.apiKey')} {...secret('apiKey')} />
          {provider === 'tvdb' && <SecretField label={t('apis.fields.pin')} {...secret('pin')} />}
          <TextInput
            label={t('apis.fields.baseUrl')}
            description={t('apis.form.baseUrlHint')}
            placeholder="https://…"
            {...form.getInputProps('baseUrl')}
          />
          <Checkbox
            label={t('apis.fields.enabled')}
            {...form.getInputProps('enabled', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
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
