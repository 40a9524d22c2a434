import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../src/domain/enums.js';
import { createTestApp, type Client, type TestApp } from '../../support/app.js';
import { ROUTES } from './route-table.js';

let t: TestApp;
const clients = {} as Record<Role, Client>;

beforeAll(async () => {
  t = await createTestApp();
  clients.admin = t.admin;
  clients.operator = await t.as('operator');
  clients.viewer = await t.as('viewer');
});
afterAll(async () => t.close());

describe('owner versus another operator', () => {
  it('keeps each operator’s destinations, tokens and path rules to themselves', async () => {
    const owner = await t.as('operator');
    const other = await t.as('operator');
    const destination = (
      await owner.request({
        method: 'POST',
        url: '/api/destinations',
        payload: { name: 'mine', protocol: 'ftp', host: 'ftp.example.org', username: 'u' },
      })
    ).json<{ id: string }>();
    const token = (
      await owner.request({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'mine' } })
    ).json<{ apiToken: { id: string } }>();
    const rule = (
      await owner.request({
        method: 'PUT',
        url: '/api/paths/OWN/EBOOK',
        payload: { outputDir: 'own' },
      })
    ).json<{ id: string }>();
    for (const request of [
      { method: 'GET' as const, url: `/api/destinations/${destination.id}` },
      {
        method: 'PATCH' as const,
        url: `/api/destinations/${destination.id}`,
        payload: { host: 'x.example.org' },
      },
      { method: 'DELETE' as const, url: `/api/destinations/${destination.id}` },
      { method: 'DELETE' as const, url: `/api/auth/tokens/${token.apiToken.id}` },
      { method: 'DELETE' as const, url: `/api/paths/${rule.id}` },
    ]) {
      const response = await other.request(request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
      expect(
        (await owner.request({ method: 'GET', url: '/api/destinations' })).json(),
      ).toMatchObject({ total: 1 });
    }
    expect(
      (await owner.request({ method: 'DELETE', url: `/api/paths/${rule.id}` })).statusCode,
    ).toBe(200);
    expect(
      (await t.admin.request({ method: 'DELETE', url: `/api/destinations/${destination.id}` }))
        .statusCode,
    ).toBe(200);
  });
});

describe('authorization matrix', () => {
  it('describes every route of the API', () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const actual = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const described = ROUTES.map((route) => `${route.method} ${route.url}`);
    expect([...described].sort()).toEqual([...actual].sort());
  });

  describe.each(ROUTES)('$method $url', (route) => {
    it('answers anonymous callers 401 unless public', async () => {
      const response = await t.anonymous(route.sample());
      if (route.allowed === 'public') {
        expect(response.statusCode).toBeLessThan(500);
        expect(response.statusCode).not.toBe(403);
      } else {
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({ code: 'auth.unauthenticated' });
      }
    });

    it.each<Role>(['viewer', 'operator', 'admin'])('as %s', async (role) => {
      const response = await clients[role].request(route.sample());
      const allowed = route.allowed === 'public' || route.allowed.includes(role);
      expect(response.statusCode, response.body).toBeLessThan(500);
      if (route.allowed === 'public') {
        expect(response.statusCode).not.toBe(403);
      } else if (allowed) {
        // Allowed callers may still get 401 for a wrong password in the body, never for who they are.
        const code = response.json<{ code?: string }>().code ?? '';
        expect(
          ['auth.forbidden', 'auth.unauthenticated', 'auth.token_invalid', 'auth.token_expired'],
          response.body,
        ).not.toContain(code);
      } else {
        expect(response.statusCode, response.body).toBe(403);
        expect(response.json()).toMatchObject({ code: 'auth.forbidden' });
      }
    });
  });
});
