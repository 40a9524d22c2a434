import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  USER_PASSWORD,
  cookieHeader,
  createTestApp,
  type TestApp,
} from '../../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('login', () => {
  it('refuses a wrong password with 401 and a stable code, then accepts the right one', async () => {
    const wrong = await t.login('admin', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'auth.invalid_credentials' });
    const unknown = await t.login('nobody', 'whatever-password');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());

    const right = await t.login('admin', ADMIN_PASSWORD);
    expect(right.statusCode).toBe(200);
    const body = right.json<{
      token: string;
      tokenType: string;
      expiresIn: number;
      user: { username: string; role: string };
      csrfToken: string;
      refreshToken?: string;
    }>();
    expect(body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { username: 'admin', role: 'admin' },
    });
    expect(body.token.split('.')).toHaveLength(3);
    expect(body.refreshToken).toBeUndefined();
    expect(body.user).not.toHaveProperty('passwordHash');
  });

  it('sets httpOnly SameSite=Strict cookies for the browser', async () => {
    const response = await t.login('admin', ADMIN_PASSWORD);
    const byName = Object.fromEntries(response.cookies.map((c) => [c.name, c]));
    expect(byName.sp_access).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(byName.sp_refresh).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/auth',
    });
  });

  it('validates the body: missing fields and unknown fields are 400 with field paths', async () => {
    const missing = await t.anonymous({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      code: 'validation.failed',
      details: { issues: [{ path: 'body.password' }] },
    });
    const extra = await t.anonymous({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'b', admin: true },
    });
    expect(extra.statusCode).toBe(400);
    const broken = await t.anonymous({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'validation.bad_json' });
  });

  it('refuses a disabled account', async () => {
    const viewer = await t.as('viewer');
    await t.admin.request({ method: 'POST', url: `/api/users/${viewer.id}/disable` });
    const response = await t.login(viewer.username, USER_PASSWORD);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'auth.account_disabled' });
    const stillUsingToken = await viewer.request({ method: 'GET', url: '/api/auth/me' });
    expect(stillUsingToken.statusCode).toBe(401);
  });
});

describe('tokens and sessions', () => {
  it('answers /me with the user for a bearer token and 401 without one', async () => {
    const me = await t.admin.request({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: 'admin' }, authVia: 'bearer' });
    const anonymous = await t.anonymous({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'auth.unauthenticated' });
    const garbage = await t.anonymous({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: 'Bearer not.a.jwt' },
    });
    expect(garbage.statusCode).toBe(401);
    expect(garbage.json()).toMatchObject({ code: 'auth.token_invalid' });
  });

  it('rotates refresh tokens and revokes the whole family when an old one is reused', async () => {
    const login = await t.anonymous({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD, includeRefreshToken: true },
    });
    const first = login.json<{ refreshToken: string; token: string }>();
    const refreshed = await t.anonymous({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: first.refreshToken, includeRefreshToken: true },
    });
    expect(refreshed.statusCode).toBe(200);
    const second = refreshed.json<{ refreshToken: string; token: string }>();
    expect(second.refreshToken).not.toBe(first.refreshToken);

    const reused = await t.anonymous({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: first.refreshToken },
    });
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ code: 'auth.refresh_reused' });
    const afterTheft = await t.anonymous({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: second.refreshToken },
    });
    expect(afterTheft.statusCode).toBe(401);
    const accessAfterTheft = await t.anonymous({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${second.token}` },
    });
    expect(accessAfterTheft.statusCode).toBe(401);
  });

  it('logout revokes the session: the access token and the refresh cookie stop working', async () => {
    const login = await t.login('admin', ADMIN_PASSWORD);
    const { token, csrfToken } = login.json<{ token: string; csrfToken: string }>();
    const cookies = cookieHeader(login);
    const out = await t.anonymous({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: cookies, 'x-csrf-token': csrfToken },
    });
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'sp_access')?.value).toBe('');
    const me = await t.anonymous({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.statusCode).toBe(401);
    const refresh = await t.anonymous({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: { cookie: cookies },
    });
    expect(refresh.statusCode).toBe(401);
  });

  it('requires the CSRF token on unsafe requests authenticated by cookie, not by bearer', async () => {
    const login = await t.login('admin', ADMIN_PASSWORD);
    const { csrfToken } = login.json<{ csrfToken: string }>();
    const cookie = cookieHeader(login);
    const me = await t.anonymous({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ authVia: 'cookie' });
    const payload = { key: 'ui.theme', value: 'dark' };
    const withoutToken = await t.anonymous({
      method: 'POST',
      url: '/api/preferences',
      headers: { cookie },
      payload,
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json()).toMatchObject({ code: 'auth.csrf_invalid' });
    const withToken = await t.anonymous({
      method: 'POST',
      url: '/api/preferences',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload,
    });
    expect(withToken.statusCode).toBe(201);
    const bearer = await t.admin.request({ method: 'POST', url: '/api/preferences', payload });
    expect(bearer.statusCode).toBe(201);
  });

  it('takes a role change into account at once (no stale role in the token)', async () => {
    const operator = await t.as('operator');
    expect((await operator.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    await t.admin.request({
      method: 'PUT',
      url: `/api/users/${operator.id}/role`,
      payload: { role: 'admin' },
    });
    // The role change ended the operator's sessions: they must sign in again and then are admin.
    expect((await operator.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    const again = await t.login(operator.username, USER_PASSWORD);
    const token = again.json<{ token: string }>().token;
    expect(
      (
        await t.anonymous({
          method: 'GET',
          url: '/api/users',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('personal API tokens', () => {
  it('creates a token shown once, authenticates with it, lists it without the secret and revokes it', async () => {
    const operator = await t.as('operator');
    const created = await operator.request({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { name: 'laptop cli' },
    });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json<{
      token: string;
      apiToken: { id: string; prefix: string };
    }>();
    expect(token.startsWith('spk_')).toBe(true);
    expect(token.startsWith(apiToken.prefix)).toBe(true);

    const me = await t.anonymous({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json()).toMatchObject({
      user: { username: operator.username },
      authVia: 'api-token',
    });
    const list = await operator.request({ method: 'GET', url: '/api/auth/tokens' });
    expect(list.body).not.toContain(token);
    expect(
      list.json<{ items: { lastUsedAt: string | null }[] }>().items[0]?.lastUsedAt,
    ).not.toBeNull();

    expect(
      (await operator.request({ method: 'DELETE', url: `/api/auth/tokens/${apiToken.id}` }))
        .statusCode,
    ).toBe(200);
    const after = await t.anonymous({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After after too many failed logins for one user name', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        statuses.push((await limited.login('admin', `wrong-${i}-password`)).statusCode);
      }
      expect(statuses.slice(0, 2)).toEqual([401, 401]);
      const last = await limited.login('admin', ADMIN_PASSWORD);
      expect(last.statusCode).toBe(429);
      expect(last.json()).toMatchObject({ code: 'auth.rate_limited' });
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('API description', () => {
  it('serves the OpenAPI document and the docs UI to signed-in callers only', async () => {
    expect((await t.anonymous({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(401);
    expect((await t.anonymous({ method: 'GET', url: '/api/docs' })).statusCode).toBe(401);
    const spec = await t.admin.request({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.json()).toMatchObject({ openapi: '3.1.0', info: { title: 'scenepacker API' } });
    expect((await t.admin.request({ method: 'GET', url: '/api/docs' })).statusCode).toBe(200);
  });

  it('tags every answer with a request id', async () => {
    const response = await t.anonymous({ method: 'GET', url: '/health' });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // Over plain HTTP (no COOKIE_SECURE) the browser must not be told to upgrade asset requests.
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});
