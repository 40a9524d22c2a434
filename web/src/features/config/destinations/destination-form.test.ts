import { describe, expect, it } from 'vitest';
import { SECRET_MASK, type Destination } from '../../../api/types';
import { initialValues, toDestinationBody } from './destination-form';

const stored: Destination = {
  id: 'd1',
  userId: 'u1',
  name: 'seedbox',
  protocol: 'sftp',
  host: 'sftp.example.test',
  port: 22,
  username: 'ulrich',
  password: SECRET_MASK,
  privateKey: null,
  passphrase: null,
  hostKeyFingerprint: null,
  tlsFingerprint: null,
  remotePath: '/incoming',
  passive: true,
  timeoutMs: 60_000,
  groupName: null,
  releaseType: null,
  enabled: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('the destination form body', () => {
  it('sends the mask back for an untouched stored secret and leaves absent ones out', () => {
    const body = toDestinationBody(initialValues(stored), stored);
    expect(body).toMatchObject({ password: SECRET_MASK, timeoutMs: 60_000, port: 22 });
    expect(body.privateKey).toBeUndefined();
    expect(body.passphrase).toBeUndefined();
  });

  it('keeps a stored secret whose field was emptied, and clears it only on request', () => {
    const emptied = { ...initialValues(stored), password: '' };
    expect(toDestinationBody(emptied, stored).password).toBe(SECRET_MASK);
    const cleared = { ...initialValues(stored), password: null };
    expect(toDestinationBody(cleared, stored).password).toBeNull();
    const replaced = { ...initialValues(stored), password: 'new-secret' };
    expect(toDestinationBody(replaced, stored).password).toBe('new-secret');
  });

  it('creates without secrets nobody typed, and drops pins the protocol does not use', () => {
    const values = {
      ...initialValues(null),
      name: 'ftp box',
      protocol: 'ftp' as const,
      host: 'ftp.example.test',
      username: 'u',
      hostKeyFingerprint: `SHA256:${'A'.repeat(43)}`,
      timeoutSeconds: '',
    };
    const body = toDestinationBody(values, null);
    expect(body.password).toBeUndefined();
    expect(body.hostKeyFingerprint).toBeNull();
    expect(body.timeoutMs).toBeNull();
  });
});
