/**
 * Every API route with a valid sample request and who may call it. The authorization matrix and
 * the bad-input table both run over this list; a test fails when the API has a route this table
 * does not describe, so every new route must say who may call it.
 *
 * `allowed` lists the roles the policy lets through: for them the route must not answer 401/403
 * (a 404 for a random id is fine). Every other role must get 403, anonymous callers 401.
 */
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import type { Role } from '../../../src/domain/enums.js';

export interface RouteCase {
  method: string;
  url: string;
  sample: () => InjectOptions;
  allowed: readonly Role[] | 'public';
}

const ALL: readonly Role[] = ['viewer', 'operator', 'admin'];
const WRITERS: readonly Role[] = ['operator', 'admin'];
const ADMINS: readonly Role[] = ['admin'];
const id = () => randomUUID();
const json = (method: string, url: string, payload?: unknown): InjectOptions => ({
  method: method,
  url,
  payload: payload as InjectOptions['payload'],
});

export const ROUTES: RouteCase[] = [
  { method: 'GET', url: '/health', allowed: 'public', sample: () => json('GET', '/health') },
  {
    method: 'POST',
    url: '/api/auth/login',
    allowed: 'public',
    sample: () => json('POST', '/api/auth/login', { username: 'nobody', password: 'nothing-here' }),
  },
  {
    method: 'POST',
    url: '/api/auth/refresh',
    allowed: 'public',
    sample: () => json('POST', '/api/auth/refresh', { refreshToken: 'not-a-real-refresh-token' }),
  },
  { method: 'GET', url: '/api/auth/me', allowed: ALL, sample: () => json('GET', '/api/auth/me') },
  {
    method: 'PUT',
    url: '/api/auth/password',
    allowed: ALL,
    sample: () =>
      json('PUT', '/api/auth/password', {
        currentPassword: 'wrong-current',
        newPassword: 'new-password-123',
      }),
  },
  {
    method: 'GET',
    url: '/api/auth/tokens',
    allowed: ALL,
    sample: () => json('GET', '/api/auth/tokens'),
  },
  {
    method: 'POST',
    url: '/api/auth/tokens',
    allowed: ALL,
    sample: () => json('POST', '/api/auth/tokens', { name: 'matrix' }),
  },
  {
    method: 'DELETE',
    url: '/api/auth/tokens/{id}',
    allowed: ALL,
    sample: () => json('DELETE', `/api/auth/tokens/${id()}`),
  },
  { method: 'GET', url: '/api/users/', allowed: ADMINS, sample: () => json('GET', '/api/users') },
  {
    method: 'POST',
    url: '/api/users/',
    allowed: ADMINS,
    sample: () =>
      json('POST', '/api/users', {
        username: `m${id().slice(0, 8)}`,
        password: 'matrix-password-1',
      }),
  },
  {
    method: 'GET',
    url: '/api/users/{id}',
    allowed: ADMINS,
    sample: () => json('GET', `/api/users/${id()}`),
  },
  {
    method: 'PATCH',
    url: '/api/users/{id}',
    allowed: ADMINS,
    sample: () => json('PATCH', `/api/users/${id()}`, { displayName: 'x' }),
  },
  {
    method: 'DELETE',
    url: '/api/users/{id}',
    allowed: ADMINS,
    sample: () => json('DELETE', `/api/users/${id()}`),
  },
  {
    method: 'PUT',
    url: '/api/users/{id}/role',
    allowed: ADMINS,
    sample: () => json('PUT', `/api/users/${id()}/role`, { role: 'viewer' }),
  },
  {
    method: 'POST',
    url: '/api/users/{id}/disable',
    allowed: ADMINS,
    sample: () => json('POST', `/api/users/${id()}/disable`),
  },
  {
    method: 'POST',
    url: '/api/users/{id}/enable',
    allowed: ADMINS,
    sample: () => json('POST', `/api/users/${id()}/enable`),
  },
  {
    method: 'POST',
    url: '/api/users/{id}/reset-password',
    allowed: ADMINS,
    sample: () => json('POST', `/api/users/${id()}/reset-password`),
  },
  {
    method: 'GET',
    url: '/api/preferences/',
    allowed: ALL,
    sample: () => json('GET', '/api/preferences'),
  },
  {
    method: 'POST',
    url: '/api/preferences/',
    allowed: WRITERS,
    sample: () => json('POST', '/api/preferences', { key: 'retention.days', value: 10 }),
  },
  {
    method: 'POST',
    url: '/api/preferences/export',
    allowed: ALL,
    sample: () => json('POST', '/api/preferences/export'),
  },
  {
    method: 'POST',
    url: '/api/preferences/import',
    allowed: WRITERS,
    sample: () => json('POST', '/api/preferences/import', { preferences: { 'retention.days': 3 } }),
  },
  {
    method: 'GET',
    url: '/api/preferences/{key}',
    allowed: ALL,
    sample: () => json('GET', '/api/preferences/ui.locale'),
  },
  {
    method: 'PUT',
    url: '/api/preferences/{key}',
    allowed: WRITERS,
    sample: () => json('PUT', '/api/preferences/retention.days', { value: 4 }),
  },
  {
    method: 'DELETE',
    url: '/api/preferences/{key}',
    allowed: WRITERS,
    sample: () => json('DELETE', '/api/preferences/retention.days'),
  },
  { method: 'GET', url: '/api/paths/', allowed: ALL, sample: () => json('GET', '/api/paths') },
  {
    method: 'GET',
    url: '/api/paths/groups',
    allowed: ALL,
    sample: () => json('GET', '/api/paths/groups'),
  },
  {
    method: 'GET',
    url: '/api/paths/{group}/{type}',
    allowed: ALL,
    sample: () => json('GET', '/api/paths/GRP/EBOOK'),
  },
  {
    method: 'PUT',
    url: '/api/paths/{group}/{type}',
    allowed: WRITERS,
    sample: () => json('PUT', '/api/paths/GRP/EBOOK', { outputDir: 'out' }),
  },
  {
    method: 'POST',
    url: '/api/paths/{group}/{type}',
    allowed: WRITERS,
    sample: () => json('POST', '/api/paths/GRP/TV', { outputDir: 'out' }),
  },
  {
    method: 'DELETE',
    url: '/api/paths/{id}',
    allowed: WRITERS,
    sample: () => json('DELETE', `/api/paths/${id()}`),
  },
  {
    method: 'GET',
    url: '/api/templates/',
    allowed: ALL,
    sample: () => json('GET', '/api/templates'),
  },
  {
    method: 'POST',
    url: '/api/templates/',
    allowed: ADMINS,
    sample: () =>
      json('POST', '/api/templates', {
        name: `t${id().slice(0, 6)}`,
        kind: 'nfo',
        releaseType: 'EBOOK',
        content: '{{ title }}',
      }),
  },
  {
    method: 'GET',
    url: '/api/templates/default',
    allowed: ALL,
    sample: () => json('GET', '/api/templates/default'),
  },
  {
    method: 'GET',
    url: '/api/templates/{id}',
    allowed: ALL,
    sample: () => json('GET', `/api/templates/${id()}`),
  },
  {
    method: 'PUT',
    url: '/api/templates/{id}',
    allowed: ADMINS,
    sample: () => json('PUT', `/api/templates/${id()}`, { name: 'x' }),
  },
  {
    method: 'DELETE',
    url: '/api/templates/{id}',
    allowed: ADMINS,
    sample: () => json('DELETE', `/api/templates/${id()}`),
  },
  {
    method: 'POST',
    url: '/api/templates/preview',
    allowed: ALL,
    sample: () =>
      json('POST', '/api/templates/preview', {
        kind: 'nfo',
        releaseType: 'TV',
        content: '{{ release_name }}',
      }),
  },
  {
    method: 'POST',
    url: '/api/templates/{id}/render',
    allowed: ALL,
    sample: () => json('POST', `/api/templates/${id()}/render`, { data: {} }),
  },
  {
    method: 'GET',
    url: '/api/destinations/',
    allowed: ALL,
    sample: () => json('GET', '/api/destinations'),
  },
  {
    method: 'POST',
    url: '/api/destinations/',
    allowed: WRITERS,
    sample: () =>
      json('POST', '/api/destinations', {
        name: `d${id().slice(0, 6)}`,
        protocol: 'sftp',
        host: 'sftp.example.org',
        username: 'u',
        password: 'p',
      }),
  },
  {
    method: 'GET',
    url: '/api/destinations/{id}',
    allowed: ALL,
    sample: () => json('GET', `/api/destinations/${id()}`),
  },
  {
    method: 'PUT',
    url: '/api/destinations/{id}',
    allowed: WRITERS,
    sample: () => json('PUT', `/api/destinations/${id()}`, { host: 'h.example.org' }),
  },
  {
    method: 'PATCH',
    url: '/api/destinations/{id}',
    allowed: WRITERS,
    sample: () => json('PATCH', `/api/destinations/${id()}`, { host: 'h.example.org' }),
  },
  {
    method: 'DELETE',
    url: '/api/destinations/{id}',
    allowed: WRITERS,
    sample: () => json('DELETE', `/api/destinations/${id()}`),
  },
  {
    method: 'POST',
    url: '/api/destinations/{id}/test',
    allowed: WRITERS,
    sample: () => json('POST', `/api/destinations/${id()}/test`),
  },
  {
    method: 'GET',
    url: '/api/config/apis/',
    allowed: ALL,
    sample: () => json('GET', '/api/config/apis'),
  },
  {
    method: 'POST',
    url: '/api/config/apis/',
    allowed: WRITERS,
    sample: () => json('POST', '/api/config/apis', { provider: 'omdb', apiKey: `k-${id()}` }),
  },
  {
    method: 'GET',
    url: '/api/config/apis/{name}',
    allowed: ALL,
    sample: () => json('GET', '/api/config/apis/tvdb'),
  },
  {
    method: 'PUT',
    url: '/api/config/apis/{name}',
    allowed: WRITERS,
    sample: () => json('PUT', '/api/config/apis/tvdb', { pin: '1234' }),
  },
  {
    method: 'DELETE',
    url: '/api/config/apis/{name}',
    allowed: ADMINS,
    sample: () => json('DELETE', '/api/config/apis/tvdb'),
  },
  {
    method: 'GET',
    url: '/api/dashboard/stats',
    allowed: ALL,
    sample: () => json('GET', '/api/dashboard/stats'),
  },
  { method: 'GET', url: '/api/jobs/', allowed: ALL, sample: () => json('GET', '/api/jobs') },
  {
    method: 'GET',
    url: '/api/jobs/{id}',
    allowed: ALL,
    sample: () => json('GET', `/api/jobs/${id()}`),
  },
  {
    method: 'GET',
    url: '/api/jobs/{id}/logs',
    allowed: ALL,
    sample: () => json('GET', `/api/jobs/${id()}/logs`),
  },
  {
    method: 'GET',
    url: '/api/jobs/{id}/artifacts',
    allowed: ALL,
    sample: () => json('GET', `/api/jobs/${id()}/artifacts`),
  },
  {
    method: 'GET',
    url: '/api/jobs/{id}/events',
    allowed: ALL,
    sample: () => json('GET', `/api/jobs/${id()}/events`),
  },
  {
    method: 'POST',
    url: '/api/jobs/{id}/cancel',
    allowed: WRITERS,
    sample: () => json('POST', `/api/jobs/${id()}/cancel`),
  },
  {
    method: 'POST',
    url: '/api/jobs/{id}/retry',
    allowed: WRITERS,
    sample: () => json('POST', `/api/jobs/${id()}/retry`),
  },
  {
    method: 'DELETE',
    url: '/api/jobs/{id}',
    allowed: WRITERS,
    sample: () => json('DELETE', `/api/jobs/${id()}`),
  },
  {
    method: 'POST',
    url: '/api/metadata/extract',
    allowed: WRITERS,
    sample: () => json('POST', '/api/metadata/extract', { path: 'missing.epub' }),
  },
  {
    method: 'POST',
    url: '/api/metadata/enrich',
    allowed: WRITERS,
    sample: () =>
      json('POST', '/api/metadata/enrich', {
        type: 'EBOOK',
        metadata: { title: 'Matrix Book' },
        offline: true,
      }),
  },
  {
    method: 'POST',
    url: '/api/config/apis/{name}/test',
    allowed: ALL,
    sample: () => json('POST', '/api/config/apis/tmdb/test'),
  },
  // Last: signing out ends the caller's session.
  {
    method: 'POST',
    url: '/api/auth/logout',
    allowed: 'public',
    sample: () => json('POST', '/api/auth/logout'),
  },
];
