import { ADMIN, expect, signIn, test } from './fixtures.js';

test('an expired access cookie is refreshed silently; a lost session goes to sign-in', async ({
  page,
  context,
}) => {
  await signIn(page, ADMIN.username, ADMIN.password);

  // The access cookie lives as long as its token: dropping it is what expiry looks like.
  await context.clearCookies({ name: 'sp_access' });
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('table', { name: 'Users' })).toBeVisible();
  const names = (await context.cookies()).map((cookie) => cookie.name);
  expect(names).toContain('sp_access');

  // Without the refresh cookie too, the session is over: the next call leads to sign-in.
  await context.clearCookies({ name: 'sp_access' });
  await context.clearCookies({ name: 'sp_refresh' });
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to scenepacker' })).toBeVisible();
  await expect(page).toHaveURL(/\/login\?next=%2Fprofile$/);
});
