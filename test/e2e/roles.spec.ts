import { expect, signIn, test, uniqueName } from './fixtures.js';

test('an operator is refused the users page with a clear message', async ({ page, seed }) => {
  const operator = { username: uniqueName('olga'), password: 'operator-password-1' };
  await seed.createUser({ ...operator, role: 'operator', displayName: 'Olga Operator' });

  await signIn(page, operator.username, operator.password);
  await expect(
    page.getByRole('button', { name: 'Olga Operator (Operator): account menu' }),
  ).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);

  await page.goto('/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
  await expect(page.getByText('This page is for administrators.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Users' })).toHaveCount(0);
  // The server agrees: the API itself answers 403 to this operator's session.
  expect((await page.request.get('/api/users')).status()).toBe(403);
});
