import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../support/app.js';

let t: TestApp;
let owner: Client;
let other: Client;
const PASSWORD = 'ftp-Secret-Pa55';
const API_KEY = 'tmdb-api-key-0123456789';

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.as('operator');
  other = await t.as('operator');
});
afterAll(async () => t.close());

const site = {
  name: 'site one',
  protocol: 'ftps',
  host: 'ftp.example.org',
  username: 'packer',
  password: PASSWORD,
  remotePath: '/incoming/ebooks',
};

describe('destinations', () => {
  it('stores the password encrypted, shows ******** and keeps it when ******** comes back', async () => {
    const created = await owner.request({
      method: 'POST',
      url: '/api/destinations',
      payload: site,
    });
    expect(created.statusCode).toBe(201);
    const view = created.json<{
      id: string;
      password: string;
      port: number;
      timeoutMs: number;
      passive: boolean;
    }>();
    expect(view).toMatchObject({
      password: '********',
      port: 21,
      timeoutMs: 30_000,
      passive: true,
    });
    expect(created.body).not.toContain(PASSWORD);
    const row = await t.container.db.repos.destinations.findById(view.id);
    expect(row?.passwordEnc?.startsWith('enc:v1:')).toBe(true);
    expect(row?.passwordEnc).not.toContain(PASSWORD);

    const kept = await owner.request({
      method: 'PUT',
      url: `/api/destinations/${view.id}`,
      payload: { password: '********', host: 'ftp2.example.org' },
    });
    expect(kept.json()).toMatchObject({ host: 'ftp2.example.org', password: '********' });
    const opened = await t.container.services.destinations.open(
      { actor: { id: owner.id, role: 'operator' } },
      view.id,
    );
    expect(opened.password).toBe(PASSWORD);

    await owner.request({
      method: 'PATCH',
      url: `/api/destinations/${view.id}`,
      payload: { password: null },
    });
    expect(
      (await owner.request({ method: 'GET', url: `/api/destinations/${view.id}` })).json(),
    ).toMatchObject({ password: null });
  });

  it('lets the owner and admins in and keeps other operators out (404)', async () => {
    const created = (
      await owner.request({
        method: 'POST',
        url: '/api/destinations',
        payload: { ...site, name: 'site two', protocol: 'sftp' },
      })
    ).json<{ id: string; port: number }>();
    expect(created.port).toBe(22);
    expect(
      (await other.request({ method: 'GET', url: `/api/destinations/${created.id}` })).statusCode,
    ).toBe(404);
    expect(
      (
        await other.request({
          method: 'PUT',
          url: `/api/destinations/${created.id}`,
          payload: { host: 'evil.example.org' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await other.request({ method: 'DELETE', url: `/api/destinations/${created.id}` }))
        .statusCode,
    ).toBe(404);
    expect((await other.request({ method: 'GET', url: '/api/destinations' })).json()).toMatchObject(
      { total: 0 },
    );
    expect(
      (await t.admin.request({ method: 'GET', url: `/api/destinations/${created.id}` })).statusCode,
    ).toBe(200);
    expect(
      (await owner.request({ method: 'DELETE', url: `/api/destinations/${created.id}` }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a duplicate name for the same owner and a remote path with ..', async () => {
    const duplicate = await owner.request({
      method: 'POST',
      url: '/api/destinations',
      payload: site,
    });
    expect(duplicate.statusCode).toBe(409);
    const traversal = await owner.request({
      method: 'POST',
      url: '/api/destinations',
      payload: { ...site, name: 'x', remotePath: '/a/../../etc' },
    });
    expect(traversal.statusCode).toBe(400);
  });
});

describe('API configurations', () => {
  it('masks keys, falls back to the global row and keeps the key on ********', async () => {
    const global = await t.admin.request({
      method: 'POST',
      url: '/api/config/apis',
      payload: { provider: 'tmdb', scope: 'global', apiKey: API_KEY },
    });
    expect(global.statusCode).toBe(201);
    expect(global.body).not.toContain(API_KEY);
    const seen = await owner.request({ method: 'GET', url: '/api/config/apis/tmdb' });
    expect(seen.json()).toMatchObject({ scope: 'global', apiKey: '********' });
    const mine = await owner.request({
      method: 'POST',
      url: '/api/config/apis',
      payload: { provider: 'tmdb', apiKey: 'my-own-key-123' },
    });
    expect(mine.json()).toMatchObject({ scope: 'user', apiKey: '********' });
    expect(
      (await owner.request({ method: 'GET', url: '/api/config/apis/tmdb' })).json(),
    ).toMatchObject({ scope: 'user' });
    await owner.request({
      method: 'PUT',
      url: '/api/config/apis/tmdb',
      payload: { apiKey: '********', enabled: false },
    });
    const credentials = await t.container.services.apiConfigs.credentials(owner.id, 'tmdb');
    expect(credentials).toMatchObject({ apiKey: 'my-own-key-123', enabled: false, source: 'user' });
    expect(await t.container.services.apiConfigs.credentials(other.id, 'tmdb')).toMatchObject({
      apiKey: API_KEY,
      source: 'global',
    });
  });

  it('keeps global writes and every delete for admins', async () => {
    expect(
      (
        await owner.request({
          method: 'POST',
          url: '/api/config/apis',
          payload: { provider: 'omdb', scope: 'global', apiKey: 'k' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await owner.request({ method: 'DELETE', url: '/api/config/apis/tmdb' })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.admin.request({
          method: 'DELETE',
          url: `/api/config/apis/tmdb?scope=user&userId=${owner.id}`,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await owner.request({ method: 'GET', url: '/api/config/apis/tmdb' })).json(),
    ).toMatchObject({ scope: 'global' });
  });
});

describe('no secret leaves in clear', () => {
  it('never writes a password, key, token or cookie value to a log line', () => {
    const logs = t.logs.join('');
    expect(logs.length).toBeGreaterThan(1000);
    for (const secret of [
      PASSWORD,
      API_KEY,
      'my-own-key-123',
      'user-password-123',
      'admin-password-123',
    ]) {
      expect(logs).not.toContain(secret);
    }
    expect(logs).not.toMatch(/Bearer ey/);
    expect(logs).not.toMatch(/sp_access=ey/);
  });
});
