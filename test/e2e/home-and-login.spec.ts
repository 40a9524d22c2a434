import { ADMIN, expect, test } from './fixtures.js';

test('home page: anyone sees what the tool does and how to sign in', async ({ page }) => {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Scene releases, packed and checked' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What it does' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'FTP, FTPS and SFTP' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Sign in to start' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Sign in to scenepacker' })).toBeVisible();
});

test('a protected page sends a visitor to sign in, then back', async ({ page }) => {
  await page.goto('/users');
  await expect(page.getByRole('heading', { name: 'Sign in to scenepacker' })).toBeVisible();
  await page.getByRole('textbox', { name: 'User name' }).fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users and roles' })).toBeVisible();
});

test('sign-in: a wrong password is refused clearly, the right one opens the dashboard', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'User name' }).fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong user name or password.');
  await expect(page).toHaveURL(/\/login$/);

  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const menu = page.getByRole('button', { name: 'admin (Admin): account menu' });
  await expect(menu).toBeVisible();
  await expect(menu).toContainText('admin');
  await expect(menu).toContainText('Admin');
});
