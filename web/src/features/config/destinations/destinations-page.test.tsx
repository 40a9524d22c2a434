import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SECRET_MASK } from '../../../api/types';
import { renderApp, stubApi, user } from '../../../test-utils';

vi.mock('react-router/dom', async () => {
  const { RouterProvider } = await import('react-router');
  return { RouterProvider };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const FINGERPRINT = `SHA256:${'k'.repeat(43)}`;
const destination = {
  id: '6f1c8a52-0000-4000-8000-000000000001',
  userId: 'operator-id',
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
const base = `/api/destinations/${destination.id}`;

describe('the destinations page', () => {
  it('offers to pin an unknown SFTP host key, pins it and tests again', async () => {
    const sent: unknown[] = [];
    let tests = 0;
    const seen = stubApi({
      'GET /api/auth/me': [200, { user: user('operator'), authVia: 'cookie', csrfToken: 'c' }],
      'GET /api/preferences/ui.locale': [200, { key: 'ui.locale', value: 'en', source: 'default' }],
      'GET /api/preferences/ui.theme': [
        200,
        { key: 'ui.theme', value: 'light', source: 'default' },
      ],
      'GET /api/destinations/': [200, { items: [destination], total: 1, limit: 25, offset: 0 }],
      [`POST ${base}/test`]: () => {
        tests += 1;
        return tests === 1
          ? [
              200,
              {
                success: false,
                message: `The host key of sftp.example.test is not pinned; check and pin ${FINGERPRINT}`,
                details: { code: 'delivery.host_key_unknown', fingerprint: FINGERPRINT },
              },
            ]
          : [200, { success: true, message: 'Logged in and wrote a test file', details: {} }];
      },
      [`PUT ${base}`]: (body) => {
        sent.push(body);
        return [200, { ...destination, hostKeyFingerprint: FINGERPRINT }];
      },
    });
    await renderApp('/config/destinations');
    fireEvent.click(await screen.findByRole('button', { name: 'Test seedbox' }));
    const failed = await screen.findByRole('status', { name: 'seedbox: the test failed' });
    expect(failed.textContent).toContain('The server’s host key is not pinned yet.');
    expect(screen.getByLabelText('Offered host key').textContent).toBe(FINGERPRINT);

    fireEvent.click(screen.getByRole('button', { name: 'Pin this host key' }));
    await screen.findByRole('status', { name: 'seedbox: the test succeeded' });
    expect(sent).toEqual([{ hostKeyFingerprint: FINGERPRINT }]);
    await waitFor(() => {
      expect(seen.filter((call) => call === `POST ${base}/test`)).toHaveLength(2);
    });
  });
});
