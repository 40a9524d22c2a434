import { Checkbox, NativeSelect, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PROTOCOLS, RELEASE_TYPES, type Protocol } from '../../../api/types';
import { SecretField } from '../../../components/SecretField';
import { DEFAULT_PORTS, protocolKey, type DestinationFormValues } from './destination-form';
import { monoInput } from '../../../components/mono';

type Form = UseFormReturnType<DestinationFormValues>;

/** Name, protocol, host, port (the protocol's default follows a protocol change), user name. */
export function ConnectionFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const changeProtocol = (next: Protocol) => {
    const { protocol, port } = form.getValues();
    if (port === '' || port === DEFAULT_PORTS[protocol]) {
      form.setFieldValue('port', DEFAULT_PORTS[next]);
    }
    form.setFieldValue('protocol', next);
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('destinations.fields.name')} required {...form.getInputProps('name')} />
      <NativeSelect
        label={t('destinations.fields.protocol')}
        data={PROTOCOLS.map((value) => ({ value, label: t(protocolKey(value)) }))}
        {...form.getInputProps('protocol')}
        onChange={(event) => {
          changeProtocol(event.currentTarget.value as Protocol);
        }}
      />
      <TextInput label={t('destinations.fields.host')} required {...form.getInputProps('host')} />
      <NumberInput
        label={t('destinations.fields.port')}
        description={t('destinations.form.portDefault', {
          port: DEFAULT_PORTS[form.getValues().protocol],
        })}
        min={1}
        max={65535}
        allowDecimal={false}
        {...form.getInputProps('port')}
      />
      <TextInput
        label={t('destinations.fields.username')}
        required
        autoComplete="off"
        {...form.getInputProps('username')}
      />
    </SimpleGrid>
  );
}

/** Password always; private key, passphrase and host key for SFTP; TLS pin for FTPS. */
export function CredentialFields({ form, stored }: { form: Form; stored: Set<string> }) {
  const { t } = useTranslation();
  const { protocol } = form.getValues();
  const secret = (field: 'password' | 'privateKey' | 'passphrase') => ({
    stored: stored.has(field),
    value: form.getValues()[field],
    error: form.errors[field] as string | undefined,
    onChange: (value: string | null) => {
      form.setFieldValue(field, value);
    },
  });
  return (
    <>
      <SecretField label={t('destinations.fields.password')} {...secret('password')} />
      {protocol === 'sftp' && (
        <>
          <SecretField
            label={t('destinations.fields.privateKey')}
            description={t('destinations.form.privateKeyHint')}
            multiline
            {...secret('privateKey')}
          />
          <SecretField label={t('destinations.fields.passphrase')} {...secret('passphrase')} />
          <TextInput
            label={t('destinations.fields.hostKeyFingerprint')}
            description={t('destinations.form.hostKeyHint')}
            placeholder="SHA256:…"
            styles={monoInput}
            {...form.getInputProps('hostKeyFingerprint')}
          />
        </>
      )}
      {protocol.startsWith('ftps') && (
        <TextInput
          label={t('destinations.fields.tlsFingerprint')}
          description={t('destinations.form.tlsHint')}
          placeholder="AB:CD:…"
          styles={monoInput}
          {...form.getInputProps('tlsFingerprint')}
        />
      )}
    </>
  );
}

/** Where files go, how long to wait, and which releases pick this destination by themselves. */
export function RoutingFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t('destinations.fields.remotePath')}
        {...form.getInputProps('remotePath')}
      />
      <NumberInput
        label={t('destinations.fields.timeout')}
        description={t('destinations.form.timeoutHint')}
        min={1}
        max={600}
        {...form.getInputProps('timeoutSeconds')}
      />
      <TextInput
        label={t('destinations.fields.groupName')}
        description={t('destinations.form.autoHint')}
        {...form.getInputProps('groupName')}
      />
      <NativeSelect
        label={t('destinations.fields.releaseType')}
        data={[
          { value: '', label: t('destinations.form.anyType') },
          ...RELEASE_TYPES.map((value) => ({ value, label: t(`releaseType.${value}`) })),
        ]}
        {...form.getInputProps('releaseType')}
      />
      <Checkbox
        label={t('destinations.fields.enabled')}
        {...form.getInputProps('enabled', { type: 'checkbox' })}
      />
    </SimpleGrid>
  );
}
