import type { Page } from '@playwright/test';
import { ADMIN, expect, signIn, test, uniqueName } from './fixtures.js';

function totalUsers(page: Page) {
  return page
    .getByRole('region', { name: 'Users' })
    .getByRole('row', { name: /^Total/ })
    .getByRole('cell');
}

test('the dashboard counts change after an admin creates a user', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  for (const region of ['Users', 'Jobs', 'Releases', 'Bytes packed', 'Recent activity']) {
    await expect(page.getByRole('region', { name: region })).toBeVisible();
  }
  const before = Number(await totalUsers(page).innerText());
  expect(before).toBeGreaterThanOrEqual(1);
  const viewersBefore = Number(
    await page
      .getByRole('region', { name: 'Users' })
      .getByRole('row', { name: /^Viewer/ })
      .getByRole('cell')
      .innerText(),
  );

  await page.getByRole('link', { name: 'Users' }).click();
  const username = uniqueName('vera');
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByRole('textbox', { name: 'User name' }).fill(username);
  await dialog.getByRole('combobox', { name: 'Role' }).selectOption('viewer');
  await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill('viewer-password-1');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText(`User ${username} created.`)).toBeVisible();

  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(totalUsers(page)).toHaveText(String(before + 1));
  await expect(
    page
      .getByRole('region', { name: 'Users' })
      .getByRole('row', { name: /^Viewer/ })
      .getByRole('cell'),
  ).toHaveText(String(viewersBefore + 1));
  await expect(page.getByRole('region', { name: 'Recent activity' })).toContainText('User created');
});
