/**
 * The e2e fixtures: one built server per worker (started once, killed at the end), `baseURL`
 * pointing at it, `seed` for arranging data through the real HTTP API with a Bearer token, and
 * `jobs` for job rows the API cannot create (the journeys themselves go through the browser only).
 */
import {
  test as base,
  expect,
  type APIRequestContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { openJobSeeder, type JobSeeder } from './job-seed.js';
import { ADMIN, startServer, type RunningServer } from './server.js';

export interface SeedUser {
  username: string;
  password: string;
  role: 'admin' | 'operator' | 'viewer';
  displayName?: string;
}

export interface Seed {
  createUser: (user: SeedUser) => Promise<{ id: string }>;
}

let counter = 0;
/** A user name no other test of this worker uses. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

async function adminToken(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/auth/login', { data: ADMIN });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

export const test = base.extend<{ seed: Seed; jobs: JobSeeder }, { server: RunningServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
  jobs: async ({ server }, use) => {
    const seeder = openJobSeeder(server.dataDir);
    await use(seeder);
    await seeder.close();
  },
  seed: async ({ request }, use) => {
    const token = await adminToken(request);
    await use({
      createUser: async (user) => {
        const response = await request.post('/api/users', {
          headers: { authorization: `Bearer ${token}` },
          data: user,
        });
        expect(response.status(), await response.text()).toBe(201);
        return (await response.json()) as { id: string };
      },
    });
  },
});

export { expect, ADMIN };

/** Signs in through the login form and waits for the dashboard. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'User name' }).fill(username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

/** The row of a table whose row header is exactly `name`. */
export function rowOf(table: Locator, name: string): Locator {
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name, exact: true }) });
}
