import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n';
import { renderApp, stubApi, user } from '../test-utils';

const stats = {
  users: { total: 3, byRole: { admin: 1, operator: 1, viewer: 1 } },
  jobs: { total: 0, byStatus: { pending: 0, running: 0, completed: 0, failed: 0, cancelled: 0 } },
  releases: { total: 0, byType: { EBOOK: 0, TV: 0, DOCS: 0 } },
  bytesPacked: 1536,
  recentJobs: [],
  recentActivity: [],
};
const defaultPreference = (key: string) => [200, { key, value: 'en', source: 'default' }] as const;

function signedInAs(role: 'admin' | 'operator') {
  return {
    'GET /api/auth/me': [200, { user: user(role), authVia: 'cookie', csrfToken: 'c' }],
    'GET /api/preferences/ui.locale': defaultPreference('ui.locale'),
    'GET /api/preferences/ui.theme': defaultPreference('ui.theme'),
    'GET /api/dashboard/stats': [200, stats],
  } as const;
}

// Under Vitest, `react-router/dom` and `react-router` load different builds (ESM vs CJS) and
// so two router contexts; the plain RouterProvider is the same component without flushSync.
vi.mock('react-router/dom', async () => {
  const { RouterProvider } = await import('react-router');
  return { RouterProvider };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the app shell', () => {
  it('shows an operator a clear "not allowed" page at /users, without asking the API', async () => {
    const seen = stubApi({ ...signedInAs('operator') });
    await renderApp('/users');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Olga (Operator): account menu' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(nav.textContent).not.toContain('Users');
    expect(seen).not.toContain('GET /api/users/');
  });

  it('sends a visitor to the sign-in page and translates a wrong password', async () => {
    stubApi({
      'GET /api/auth/me': [401, { code: 'auth.unauthenticated', message: 'no' }],
      'POST /api/auth/login': [401, { code: 'auth.invalid_credentials', message: 'wrong' }],
    });
    await renderApp('/dashboard');
    await screen.findByRole('heading', { name: 'Sign in to scenepacker' });
    await i18n.changeLanguage('fr');
    fireEvent.change(screen.getByRole('textbox', { name: 'Nom d’utilisateur' }), {
      target: { value: 'admin' },
    });
    fireEvent.change(screen.getByLabelText('Mot de passe', { exact: false }), {
      target: { value: 'nope' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nom d’utilisateur ou mot de passe incorrect.');
  });

  it('shows the dashboard numbers from the API', async () => {
    stubApi({ ...signedInAs('admin') });
    await renderApp('/dashboard');
    const users = await screen.findByRole('region', { name: 'Users' });
    expect(users.textContent).toContain('Total3');
    expect(screen.getByRole('region', { name: 'Bytes packed' }).textContent).toContain('1.5 kB');
  });
});
