import { expect, test, uniqueName } from './fixtures.js';
import type { Page } from '@playwright/test';

async function signInAs(
  page: Page,
  username: string,
  password: string,
  labels: { user: string; password: string; submit: string },
) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: labels.user }).fill(username);
  await page.getByRole('textbox', { name: labels.password, exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
}

const EN = { user: 'User name', password: 'Password', submit: 'Sign in' };

test('the language switch persists after a reload and follows the user to a new browser', async ({
  page,
  browser,
  seed,
}) => {
  const user = { username: uniqueName('lea'), password: 'language-password-1' };
  await seed.createUser({ ...user, role: 'viewer' });

  await signInAs(page, user.username, user.password, EN);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');

  // A fresh browser (no local storage) starts in English, then takes the user's saved choice.
  const context = await browser.newContext({ locale: 'en-US' });
  const other = await context.newPage();
  await other.goto('/login');
  await expect(other.getByRole('heading', { name: 'Sign in to scenepacker' })).toBeVisible();
  await signInAs(other, user.username, user.password, EN);
  await expect(other.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(other.getByRole('link', { name: 'Profil' })).toBeVisible();
  await context.close();
});

test('before sign-in the language follows the browser, and the visitor can switch it', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Des releases Scene empaquetées et vérifiées' }),
  ).toBeVisible();
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Scene releases, packed and checked' }),
  ).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Scene releases, packed and checked' }),
  ).toBeVisible();
  await context.close();
});

test('the dark theme is remembered for the user', async ({ page, browser, seed }) => {
  const user = { username: uniqueName('theo'), password: 'theme-password-12' };
  await seed.createUser({ ...user, role: 'operator' });
  await signInAs(page, user.username, user.password, EN);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.getByRole('button', { name: 'Switch to the light theme' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');

  const context = await browser.newContext();
  const other = await context.newPage();
  await signInAs(other, user.username, user.password, EN);
  await expect(other.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(other.getByRole('button', { name: 'Switch to the light theme' })).toBeVisible();
  await expect(other.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await context.close();
});
