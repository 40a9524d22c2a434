/**
 * Component tests render the real app (routes, providers, API client) in jsdom at a given path,
 * with `fetch` answered by a small script of API replies keyed by "METHOD /path".
 */
import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { App } from './app/App';
import { createQueryClient } from './app/query-client';
import { routes } from './app/routes';
import { setupI18n } from './i18n';

type Reply = readonly [status: number, body: unknown];
export type ApiScript = Record<string, Reply | ((body: unknown) => Reply)>;

/** jsdom lacks the media queries Mantine reads. */
function polyfillMatchMedia(): void {
  // jsdom declares the property but leaves it undefined.
  if (typeof (window as { matchMedia?: unknown }).matchMedia === 'function') {
    return;
  }
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

/** jsdom has no ResizeObserver, which Mantine's scroll areas (wide tables) use. */
function polyfillResizeObserver(): void {
  if (typeof (window as { ResizeObserver?: unknown }).ResizeObserver === 'function') {
    return;
  }
  class NoResizeObserver {
    observe(): void {
      // nothing is ever laid out under jsdom
    }
    unobserve(): void {
      // idem
    }
    disconnect(): void {
      // idem
    }
  }
  Object.defineProperty(window, 'ResizeObserver', { configurable: true, value: NoResizeObserver });
}

export function stubApi(script: ApiScript) {
  const seen: string[] = [];
  const notSignedIn: Reply = [401, { code: 'auth.unauthenticated', message: 'Sign in first' }];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      const key = `${init.method ?? 'GET'} ${url.split('?')[0] ?? url}`;
      seen.push(key);
      const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      const entry =
        script[key] ?? (key.startsWith('POST /api/auth/refresh') ? notSignedIn : undefined);
      const [status, reply] =
        typeof entry === 'function'
          ? entry(body)
          : (entry ?? [404, { code: 'route.not_found', message: key }]);
      return Promise.resolve(new Response(JSON.stringify(reply), { status }));
    }),
  );
  return seen;
}

export async function renderApp(path: string) {
  polyfillMatchMedia();
  polyfillResizeObserver();
  const i18n = await setupI18n();
  await i18n.changeLanguage('en');
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return render(<App queryClient={createQueryClient()} router={router} env="test" />);
}

export function user(role: 'admin' | 'operator' | 'viewer', name = 'Olga') {
  const now = new Date('2026-01-02T03:04:05Z').toISOString();
  return {
    id: `${role}-id`,
    username: name.toLowerCase(),
    email: null,
    displayName: name,
    role,
    disabled: false,
    mustChangePassword: false,
    createdAt: now,
    updatedAt: now,
    lastLoginAt: null,
  };
}
