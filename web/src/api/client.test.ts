import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, setCsrfToken, setUnauthenticatedHandler } from './client';
import { ApiError } from './errors';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A scripted server: answers in order and records what the client sent. */
function script(...answers: [number, unknown][]) {
  const calls: Call[] = [];
  const fetchStub = vi.fn((url: string, init: RequestInit) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const [status, body] = answers.shift() ?? [500, { code: 'internal.unexpected', message: '' }];
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  });
  vi.stubGlobal('fetch', fetchStub);
  return calls;
}

const expired = [401, { code: 'auth.token_expired', message: 'expired' }] as [number, unknown];
const session = [200, { csrfToken: 'fresh-csrf' }] as [number, unknown];

const lost = vi.fn();
beforeEach(() => {
  setCsrfToken('csrf-1');
  setUnauthenticatedHandler(lost);
});
afterEach(() => {
  vi.unstubAllGlobals();
  lost.mockReset();
});

describe('api client requests', () => {
  it('fills path parameters and query, skipping empty values, and never caches', async () => {
    const calls = script([200, { items: [], total: 0, limit: 5, offset: 0 }]);
    await api.get('/api/users/', { query: { role: 'viewer', search: '', limit: 5 } });
    expect(calls[0]?.url).toBe('/api/users/?role=viewer&limit=5');
    expect(calls[0]?.headers['x-csrf-token']).toBeUndefined();
  });

  it('sends the CSRF token and JSON body on unsafe methods', async () => {
    const calls = script([200, { id: 'u1' }]);
    await api.put('/api/users/{id}/role', { path: { id: 'a/b' }, body: { role: 'viewer' } });
    expect(calls[0]).toMatchObject({
      url: '/api/users/a%2Fb/role',
      method: 'PUT',
      body: { role: 'viewer' },
      headers: { 'x-csrf-token': 'csrf-1', 'content-type': 'application/json' },
    });
  });
});

describe('api client sessions and errors', () => {
  it('refreshes once on an expired token, then retries with the new CSRF token', async () => {
    const calls = script(expired, session, [200, { success: true }]);
    await api.post('/api/users/{id}/disable', { path: { id: 'u1' } });
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      'POST /api/users/u1/disable',
      'POST /api/auth/refresh',
      'POST /api/users/u1/disable',
    ]);
    expect(calls[2]?.headers['x-csrf-token']).toBe('fresh-csrf');
    expect(lost).not.toHaveBeenCalled();
  });

  it('reports a lost session when the refresh fails, and throws the coded error', async () => {
    script(expired, [401, { code: 'auth.token_invalid', message: 'no' }], expired);
    const error = await api.get('/api/dashboard/stats').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'auth.token_expired' });
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('does not treat a wrong password as a lost session', async () => {
    const calls = script([401, { code: 'auth.invalid_credentials', message: 'wrong' }]);
    const error = await api
      .post('/api/auth/login', { body: { username: 'a', password: 'b' } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'auth.invalid_credentials' });
    expect(calls).toHaveLength(1);
    expect(lost).not.toHaveBeenCalled();
  });

  it('keeps validation issues and conflict fields readable', async () => {
    script([409, { code: 'resource.conflict', message: 'taken', details: { field: 'email' } }]);
    const error = (await api
      .post('/api/users/', { body: { username: 'bob', password: 'x'.repeat(12) } })
      .catch((caught: unknown) => caught)) as ApiError;
    expect(error.status).toBe(409);
    expect(error.field).toBe('email');
    expect(error.issues).toEqual([]);
  });

  it('turns a network failure into a coded error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api.get('/api/auth/tokens')).rejects.toMatchObject({ code: 'client.network' });
  });
});
