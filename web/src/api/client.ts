/**
 * The typed fetch wrapper over the generated OpenAPI `paths`. Browsers authenticate with the
 * httpOnly session cookies; unsafe methods carry the CSRF token. An expired access token is
 * refreshed once (one refresh shared by concurrent calls) and the call retried; a 401 that a
 * refresh cannot fix is reported to the app, which forgets the session and shows the sign-in page.
 * Replies are never cached by the browser (`no-store`), so "back" after sign-out shows no data.
 */
import { ApiError, errorFromResponse } from './errors';
import type { Method, Operation, PathsWith, Reply, RequestOptions } from './types';

let csrfToken: string | undefined;
let refreshing: Promise<boolean> | undefined;
let onUnauthenticated: (() => void) | undefined;

/** The CSRF token from the last login, refresh or `/api/auth/me` answer. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when a request answers 401 that a refresh cannot fix (session over, user disabled). */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

/** Session endpoints: their 401 is an answer, never a reason to refresh. */
const NO_REFRESH = ['/api/auth/login', '/api/auth/refresh', '/api/auth/logout'];
/** Where a 401 is reported to the caller only (`/me` answers "not signed in" with it). */
const QUIET = [...NO_REFRESH, '/api/auth/me'];
/**
 * The access cookie lives exactly as long as the token inside it, so an expired session usually
 * arrives as `auth.unauthenticated` (no cookie sent) rather than `auth.token_expired`.
 */
const REFRESHABLE = new Set(['auth.token_expired', 'auth.unauthenticated']);

function buildUrl(template: string, options: { path?: unknown; query?: unknown }): string {
  const params = (options.path ?? {}) as Record<string, string>;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((options.query ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'number' || typeof value === 'boolean') {
      search.set(key, String(value));
    } else if (typeof value === 'string' && value !== '') {
      search.set(key, value);
    }
  }
  const query = search.toString();
  return query === '' ? path : `${path}?${query}`;
}

function send(method: Method, url: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (method !== 'get' && csrfToken !== undefined) {
    headers['x-csrf-token'] = csrfToken;
  }
  return fetch(url, {
    method: method.toUpperCase(),
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  }).catch((error: unknown) => {
    throw new ApiError(0, 'client.network', error instanceof Error ? error.message : 'offline');
  });
}

/** One refresh at a time, shared by every request that found its token expired. */
function refreshSession(): Promise<boolean> {
  refreshing ??= send('post', '/api/auth/refresh', undefined)
    .then(async (response) => {
      if (!response.ok) {
        return false;
      }
      const session = (await response.json()) as { csrfToken?: string };
      setCsrfToken(session.csrfToken);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

async function parse(response: Response): Promise<unknown> {
  if (response.status === 204) {
    return undefined;
  }
  const text = await response.text();
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

async function call(method: Method, template: string, options: RequestOptions<unknown>) {
  const url = buildUrl(template, options);
  let response = await send(method, url, options.body);
  if (response.status === 401 && !NO_REFRESH.includes(template)) {
    const first = await errorFromResponse(response.clone());
    if (REFRESHABLE.has(first.code) && (await refreshSession())) {
      response = await send(method, url, options.body);
    }
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    const lostSession = response.status === 401 && error.code !== 'auth.invalid_credentials';
    if (lostSession && !QUIET.includes(template)) {
      onUnauthenticated?.();
    }
    throw error;
  }
  return parse(response);
}

function verb<M extends Method>(method: M) {
  return <P extends PathsWith<M>>(
    path: P,
    options: RequestOptions<Operation<P, M>> = {},
  ): Promise<Reply<Operation<P, M>>> =>
    call(method, path, options) as Promise<Reply<Operation<P, M>>>;
}

export const api = {
  get: verb('get'),
  post: verb('post'),
  put: verb('put'),
  patch: verb('patch'),
  delete: verb('delete'),
};
