/** The destination form's values, their starting point, checks, and the request body they make. */
import type { TFunction } from 'i18next';
import { SECRET_MASK, type Destination, type Protocol, type ReleaseType } from '../../../api/types';
import { isStored, secretToSend, type SecretValue } from '../../../components/SecretField';

/** The i18n key of a protocol's name (keys allow no hyphen). */
export const protocolKey = (protocol: Protocol) =>
  `protocol.${protocol === 'ftps-implicit' ? 'ftps_implicit' : protocol}` as const;

export const DEFAULT_PORTS: Record<Protocol, number> = {
  ftp: 21,
  ftps: 21,
  'ftps-implicit': 990,
  sftp: 22,
};

export interface DestinationFormValues {
  name: string;
  protocol: Protocol;
  host: string;
  port: number | string;
  username: string;
  password: SecretValue;
  privateKey: SecretValue;
  passphrase: SecretValue;
  hostKeyFingerprint: string;
  tlsFingerprint: string;
  remotePath: string;
  timeoutSeconds: number | string;
  groupName: string;
  releaseType: ReleaseType | '';
  enabled: boolean;
}

/** Fields the server may name in a validation answer, as the form calls them. */
export const DESTINATION_FIELDS = [
  'name',
  'host',
  'port',
  'username',
  'password',
  'privateKey',
  'passphrase',
  'hostKeyFingerprint',
  'tlsFingerprint',
  'remotePath',
  'groupName',
] as const;

const masked = (stored: string | null): SecretValue => (stored === null ? '' : SECRET_MASK);

export function initialValues(editing: Destination | null): DestinationFormValues {
  return {
    name: editing?.name ?? '',
    protocol: editing?.protocol ?? 'sftp',
    host: editing?.host ?? '',
    port: editing?.port ?? DEFAULT_PORTS.sftp,
    username: editing?.username ?? '',
    password: masked(editing?.password ?? null),
    privateKey: masked(editing?.privateKey ?? null),
    passphrase: masked(editing?.passphrase ?? null),
    hostKeyFingerprint: editing?.hostKeyFingerprint ?? '',
    tlsFingerprint: editing?.tlsFingerprint ?? '',
    remotePath: editing?.remotePath ?? '/',
    timeoutSeconds: editing ? editing.timeoutMs / 1000 : '',
    groupName: editing?.groupName ?? '',
    releaseType: editing?.releaseType ?? '',
    enabled: editing?.enabled ?? true,
  };
}

const HOST_KEY = /^SHA256:[A-Za-z0-9+/]{43}=?$/;
const TLS_FINGERPRINT = /^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/;
const GROUP = /^[A-Za-z0-9_]{2,32}$/;

export function validator(t: TFunction) {
  const required = (value: string) => (value.trim() === '' ? t('form.required') : null);
  const optional = (pattern: RegExp, message: string) => (value: string) =>
    value.trim() !== '' && !pattern.test(value.trim()) ? message : null;
  return {
    name: required,
    host: required,
    username: required,
    remotePath: (value: string) =>
      value.startsWith('/') && !value.split('/').includes('..')
        ? null
        : t('destinations.form.remotePathRule'),
    hostKeyFingerprint: optional(HOST_KEY, t('destinations.form.hostKeyRule')),
    tlsFingerprint: optional(TLS_FINGERPRINT, t('destinations.form.tlsRule')),
    groupName: optional(GROUP, t('form.groupRule')),
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const numberOr = (value: number | string) => (typeof value === 'number' ? value : undefined);

function secrets(values: DestinationFormValues, editing: Destination | null) {
  return {
    password: secretToSend(values.password, isStored(editing?.password)),
    privateKey: secretToSend(values.privateKey, isStored(editing?.privateKey)),
    passphrase: secretToSend(values.passphrase, isStored(editing?.passphrase)),
  };
}

/** The POST/PUT body: a secret left as shown keeps its stored value; a cleared one sends null. */
export function toDestinationBody(values: DestinationFormValues, editing: Destination | null) {
  const seconds = numberOr(values.timeoutSeconds);
  return {
    name: values.name.trim(),
    protocol: values.protocol,
    host: values.host.trim(),
    port: numberOr(values.port),
    username: values.username.trim(),
    ...secrets(values, editing),
    hostKeyFingerprint: values.protocol === 'sftp' ? orNull(values.hostKeyFingerprint) : null,
    tlsFingerprint: values.protocol.startsWith('ftps') ? orNull(values.tlsFingerprint) : null,
    remotePath: values.remotePath.trim(),
    timeoutMs: seconds === undefined ? null : Math.round(seconds * 1000),
    groupName: orNull(values.groupName),
    releaseType: values.releaseType === '' ? null : values.releaseType,
    enabled: values.enabled,
  };
}
