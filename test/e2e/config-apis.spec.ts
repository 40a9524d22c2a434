import type { Page } from '@playwright/test';
import { ADMIN, expect, signIn, test, uniqueName } from './fixtures.js';

function keyRow(page: Page, provider: string, scope: 'Yours' | 'Global') {
  return page
    .getByRole('table', { name: 'Provider keys' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: provider, exact: true }) })
    .filter({ hasText: scope });
}

test('admin sets a global API key; an operator sees it masked, as the global one in use', async ({
  page,
  browser,
  seed,
}) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
  await page.getByRole('button', { name: 'Set the TMDb key (Global)' }).click();
  const dialog = page.getByRole('dialog', { name: 'TMDb key (Global)' });
  await dialog.getByLabel('API key', { exact: true }).fill('tmdb-global-key-0123456789');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('TMDb key saved (Global).')).toBeVisible();
  await expect(keyRow(page, 'TMDb', 'Global')).toContainText('********');
  await expect(page.getByText('tmdb-global-key-0123456789')).toHaveCount(0);

  const user = { username: uniqueName('oscar'), password: 'operator-password-2' };
  await seed.createUser({ ...user, role: 'operator' });
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, user.username, user.password);
  await other.goto('/config/apis');
  const global = keyRow(other, 'TMDb', 'Global');
  await expect(global).toContainText('********');
  await expect(global).toContainText('In use');
  await expect(keyRow(other, 'TMDb', 'Yours')).toContainText('Not set');
  // Operators set their own key, never the global one.
  await expect(other.getByRole('button', { name: 'Set the TMDb key (Yours)' })).toBeVisible();
  await expect(other.getByRole('button', { name: 'Edit the TMDb key (Global)' })).toHaveCount(0);

  // Their own key takes over from the global one.
  await other.getByRole('button', { name: 'Set the TMDb key (Yours)' }).click();
  const own = other.getByRole('dialog', { name: 'TMDb key (Yours)' });
  await own.getByLabel('API key', { exact: true }).fill('tmdb-own-key-9876543210');
  await own.getByRole('button', { name: 'Save' }).click();
  await expect(keyRow(other, 'TMDb', 'Yours')).toContainText('In use');
  await expect(keyRow(other, 'TMDb', 'Global')).not.toContainText('In use');
  await context.close();
});

test('the provider test makes a real call and says why it failed', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/config/apis');
  await page.getByRole('button', { name: 'Set the OMDb key (Global)' }).click();
  const dialog = page.getByRole('dialog', { name: 'OMDb key (Global)' });
  await dialog.getByLabel('API key', { exact: true }).fill('omdb-key-0123456789');
  // Nothing listens on port 9: the call is refused, a precise and quick failure.
  await dialog.getByLabel('Base URL').fill('http://127.0.0.1:9');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(keyRow(page, 'OMDb', 'Global')).toContainText('********');

  await page.getByRole('button', { name: 'Test OMDb' }).click();
  const outcome = page.getByRole('status').filter({ hasText: 'OMDb: the test failed' });
  await expect(outcome).toBeVisible({ timeout: 30_000 });
  await expect(outcome).toContainText('Code: metadata.unavailable');
  await expect(page.getByText('omdb-key-0123456789')).toHaveCount(0);
});
