import { Button, Group, PasswordInput, Textarea } from '@mantine/core';
import type { FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SECRET_MASK } from '../api/types';
import { monoInput } from './mono';

/**
 * A secret's form value: the mask keeps the stored secret, null clears it, any other string
 * replaces it. An empty field keeps what is stored too (clearing is an explicit button).
 */
export type SecretValue = string | null;

/** Whether the server answered the mask for this field (a value is stored). */
export function isStored(value: string | null | undefined): boolean {
  return value !== null && value !== undefined;
}

/** The secret as the API expects it on update; undefined leaves it out of a create. */
export function secretToSend(value: SecretValue, stored: boolean): string | null | undefined {
  if (value === null) {
    return stored ? null : undefined;
  }
  if (value === '' || value === SECRET_MASK) {
    return stored ? SECRET_MASK : undefined;
  }
  return value;
}

interface SecretFieldProps {
  label: string;
  description?: string;
  /** Whether the server holds a value for this field (it answered the mask). */
  stored: boolean;
  value: SecretValue;
  onChange: (value: SecretValue) => void;
  multiline?: boolean;
  readOnly?: boolean;
  error?: string;
}

/** Typing into the masked field replaces the mask instead of appending to it. */
function selectMask(event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>): void {
  if (event.currentTarget.value === SECRET_MASK) {
    event.currentTarget.select();
  }
}

export function SecretField(props: SecretFieldProps) {
  const { t } = useTranslation();
  const cleared = props.value === null;
  const description = cleared
    ? t('secret.willClear')
    : (props.description ?? (props.stored ? t('secret.keepHint') : undefined));
  const input = {
    label: props.label,
    description,
    value: props.value ?? '',
    readOnly: props.readOnly === true || cleared,
    error: props.error,
    autoComplete: 'new-password',
    onFocus: selectMask,
  };
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      {props.multiline === true ? (
        <Textarea
          {...input}
          style={{ flex: 1 }}
          autosize
          minRows={2}
          maxRows={8}
          styles={monoInput}
          onChange={(event) => {
            props.onChange(event.currentTarget.value);
          }}
        />
      ) : (
        <PasswordInput
          {...input}
          style={{ flex: 1 }}
          onChange={(event) => {
            props.onChange(event.currentTarget.value);
          }}
        />
      )}
      {props.stored && props.readOnly !== true && (
        <Button
          variant="subtle"
          color={cleared ? 'gray' : 'red'}
          aria-label={
            cleared
              ? t('secret.keepNamed', { label: props.label })
              : t('secret.clearNamed', { label: props.label })
          }
          onClick={() => {
            props.onChange(cleared ? SECRET_MASK : null);
          }}
        >
          {cleared ? t('secret.keep') : t('secret.clear')}
        </Button>
      )}
    </Group>
  );
}
