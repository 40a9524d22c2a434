import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp, stubApi, user } from '../../test-utils';

vi.mock('react-router/dom', async () => {
  const { RouterProvider } = await import('react-router');
  return { RouterProvider };
});

/** Stands in for the browser's EventSource: the test sends the server's events by hand. */
class FakeEventSource {
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readonly url: string;
  readyState = 1;
  onerror: (() => void) | null = null;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();

  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(type: string, data: unknown): void {
    const event = new MessageEvent(type, { data: JSON.stringify(data) });
    act(() => {
      for (const listener of this.listeners.get(type) ?? []) {
        listener(event);
      }
    });
  }
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  FakeEventSource.instances = [];
});

const ID = '0b7a4f3e-0000-4000-8000-000000000001';
const at = '2026-01-02T03:04:05.000Z';
const line = (id: number, message: string) => ({ id, level: 'INFO', message, createdAt: at });
function job(status: string, extra: object = {}) {
  return {
    id: ID,
    userId: 'operator-id',
    name: 'release.deliver',
    status,
    releaseType: 'EBOOK',
    groupName: 'GRP',
    releaseName: 'Some.Book-GRP',
    payload: {},
    result: null,
    progress: 10,
    progressMessage: null,
    attempts: 1,
    maxAttempts: 3,
    errorCode: null,
    errorMessage: null,
    cancelRequested: false,
    createdAt: at,
    updatedAt: at,
    startedAt: at,
    completedAt: null,
    logs: [line(1, 'Connected')],
    artifacts: [],
    ...extra,
  };
}

describe('the job page', () => {
  it('follows a running job through its events, skipping a line it has already', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    let finished = false;
    stubApi({
      'GET /api/auth/me': [200, { user: user('operator'), authVia: 'cookie', csrfToken: 'c' }],
      'GET /api/preferences/ui.locale': [200, { key: 'ui.locale', value: 'en', source: 'default' }],
      'GET /api/preferences/ui.theme': [
        200,
        { key: 'ui.theme', value: 'light', source: 'default' },
      ],
      [`GET /api/jobs/${ID}`]: () =>
        finished
          ? [
              200,
              job('completed', { progress: 100, logs: [line(1, 'Connected'), line(2, 'Sent')] }),
            ]
          : [200, job('running')],
    });
    await renderApp(`/jobs/${ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Some.Book-GRP' });
    expect(screen.getByRole('button', { name: 'Cancel job' })).toBeTruthy();
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe(`/api/jobs/${ID}/events`);

    source.emit('log', line(1, 'Connected'));
    source.emit('log', line(2, 'Sent'));
    source.emit('progress', { status: 'running', progress: 70, message: 'Verifying' });
    // The data cache tells the page on its next tick.
    await screen.findByText('Verifying');
    expect(screen.getByText('70 %')).toBeTruthy();
    expect(screen.getByRole('log').querySelectorAll('li')).toHaveLength(2);

    finished = true;
    source.emit('end', { status: 'completed', errorCode: null, errorMessage: null });
    await screen.findByText('Completed');
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
    await waitFor(() => {
      expect(screen.queryByRole('button', { name: 'Cancel job' })).toBeNull();
    });
    expect(screen.getByRole('button', { name: 'Delete' })).toBeTruthy();
  });
});
