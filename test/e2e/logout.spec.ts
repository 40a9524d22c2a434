import { ADMIN, expect, signIn, test } from './fixtures.js';

test('sign-out ends the session: "back" shows no data, only the sign-in page', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: 'Users' }).click();
  const usersTable = page.getByRole('table', { name: 'Users' });
  await expect(usersTable.getByRole('rowheader', { name: ADMIN.username })).toBeVisible();

  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to scenepacker' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('You are signed out.');

  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Sign in to scenepacker' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Users and roles' })).toHaveCount(0);
  await expect(usersTable).toHaveCount(0);
  await expect(page.getByRole('button', { name: /account menu/ })).toHaveCount(0);

  // The cookies are gone too: a reload of a protected page still asks to sign in.
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'Sign in to scenepacker' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toHaveCount(0);
  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(401);
});
