/**
 * Every route against a table of bad inputs: malformed JSON, wrong types, unknown fields, huge
 * strings and bodies, unicode edge cases, traversal and SQL-looking text. The answer is always a
 * 4xx with a stable code and a JSON body — never a 500, never a stack trace.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/app.js';
import { ROUTES, type RouteCase } from './route-table.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const HOSTILE_STRINGS = [
  '../../../../etc/passwd',
  "'; DROP TABLE users; --",
  '" OR "1"="1',
  '\u0000nul',
  '\ud800 lone surrogate',
  '\u202egnp.exe',
  'zero\u200bwidth',
  '😀🎉 emoji',
  '<script>alert(1)</script>',
  '%00%2e%2e%2f',
];

const withBody = ROUTES.filter(
  (route) => route.allowed !== 'public' && route.sample().payload !== undefined,
);
const withParams = ROUTES.filter((route) => route.allowed !== 'public' && route.url.includes('{'));
const withQuery = ROUTES.filter((route) => route.method === 'GET' && route.allowed !== 'public');

function expectClientError(response: LightMyRequestResponse, context: string): void {
  expect(response.statusCode, `${context}: ${response.body}`).toBeGreaterThanOrEqual(400);
  expect(response.statusCode, `${context}: ${response.body}`).toBeLessThan(500);
  const body = response.json<{ code: string; message: string }>();
  expect(body.code, context).toMatch(/^[a-z]+\.[a-z_]+$/);
  expect(response.body, context).not.toMatch(/\n\s+at /);
}

function expectNoServerError(response: LightMyRequestResponse, context: string): void {
  expect(response.statusCode, `${context}: ${response.body}`).toBeLessThan(500);
  expect(response.body, context).not.toMatch(/\n\s+at /);
}

function stringFields(payload: unknown): string[] {
  return typeof payload === 'object' && payload !== null
    ? Object.entries(payload)
        .filter(([, v]) => typeof v === 'string')
        .map(([k]) => k)
    : [];
}

function send(
  route: RouteCase,
  change: (sample: InjectOptions) => InjectOptions,
): Promise<LightMyRequestResponse> {
  return t.admin.request(change(route.sample()));
}

describe.each(withBody)('$method $url body', (route) => {
  it('refuses malformed JSON, a wrong body type and unknown fields', async () => {
    const malformed = await send(route, (s) => ({
      ...s,
      payload: '{"a": ',
      headers: { 'content-type': 'application/json' },
    }));
    expectClientError(malformed, 'malformed');
    expect(malformed.json()).toMatchObject({ code: 'validation.bad_json' });
    expectClientError(await send(route, (s) => ({ ...s, payload: [1, 2] })), 'array body');
    expectClientError(
      await send(route, (s) => ({ ...s, payload: { ...(s.payload as object), zzUnknown: 1 } })),
      'unknown field',
    );
  });

  it('refuses a body over the size limit with 413', async () => {
    const huge = await send(route, (s) => ({
      ...s,
      payload: { ...(s.payload as object), padding: 'x'.repeat(2 * 1024 * 1024) },
    }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'validation.body_too_large' });
  });

  it('refuses over-long strings with the field path', async () => {
    for (const field of stringFields(route.sample().payload)) {
      const response = await send(route, (s) => ({
        ...s,
        payload: { ...(s.payload as object), [field]: 'y'.repeat(70_000) },
      }));
      expectClientError(response, `long ${field}`);
    }
  });

  it('never fails on traversal, SQL-looking or unicode-edge strings', async () => {
    for (const field of stringFields(route.sample().payload)) {
      for (const hostile of HOSTILE_STRINGS) {
        expectNoServerError(
          await send(route, (s) => ({
            ...s,
            payload: { ...(s.payload as object), [field]: hostile },
          })),
          `${field}=${JSON.stringify(hostile)}`,
        );
      }
    }
  });
});

describe.each(withParams)('$method $url params', (route) => {
  it('refuses hostile path parameters', async () => {
    const parameter = /\{(\w+)\}/.exec(route.url)?.[1] ?? '';
    for (const hostile of [
      '..%2F..%2Fetc%2Fpasswd',
      "1'%20OR%20'1'%3D'1",
      'x'.repeat(3000),
      '%00',
    ]) {
      const url = route.url.replace(/\{\w+\}/g, hostile).replace(/\/$/, '');
      const response = await t.admin.request({ ...route.sample(), url });
      expectNoServerError(response, `${parameter}=${hostile.slice(0, 30)}`);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
    }
  });
});

describe.each(withQuery)('$method $url query', (route) => {
  it('refuses unknown and malformed query parameters', async () => {
    const base = route.sample().url as string;
    const joiner = base.includes('?') ? '&' : '?';
    expectClientError(
      await t.admin.request({ method: 'GET', url: `${base}${joiner}zzUnknown=1` }),
      'unknown query',
    );
  });
});

describe('paging and the database after hostile input', () => {
  it('refuses out-of-range paging and still answers normally afterwards', async () => {
    for (const query of ['limit=-1', 'limit=abc', 'limit=100000', 'offset=-5']) {
      expectClientError(
        await t.admin.request({ method: 'GET', url: `/api/users?${query}` }),
        query,
      );
    }
    const users = await t.admin.request({ method: 'GET', url: '/api/users' });
    expect(users.statusCode).toBe(200);
  });
});
