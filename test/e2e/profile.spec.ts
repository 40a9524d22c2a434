import { expect, signIn, test, uniqueName } from './fixtures.js';

test('a user changes their own password and manages personal API tokens', async ({
  page,
  seed,
}) => {
  const user = { username: uniqueName('paul'), password: 'first-password-1' };
  await seed.createUser({ ...user, role: 'viewer' });
  await signIn(page, user.username, user.password);
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();

  const form = page.getByRole('region', { name: 'Password' });
  await form.getByRole('textbox', { name: 'Current password' }).fill('not-my-password');
  await form.getByRole('textbox', { name: 'New password', exact: true }).fill('second-password-2');
  await form.getByRole('textbox', { name: 'Repeat the new password' }).fill('second-password-2');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('The current password is wrong.')).toBeVisible();

  await form.getByRole('textbox', { name: 'Current password' }).fill(user.password);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password has been changed.')).toBeVisible();

  const tokens = page.getByRole('region', { name: 'API tokens' });
  await expect(tokens.getByText('You have no API tokens.')).toBeVisible();
  await tokens.getByRole('textbox', { name: 'Token name' }).fill('laptop cli');
  await tokens.getByRole('button', { name: 'Create token' }).click();
  await expect(tokens.getByLabel('New API token', { exact: true })).toHaveText(/^spk_\S+/);
  await expect(tokens.getByRole('rowheader', { name: 'laptop cli' })).toBeVisible();
  await tokens.getByRole('button', { name: 'I have saved it' }).click();
  await expect(tokens.getByLabel('New API token', { exact: true })).toHaveCount(0);
  await tokens.getByRole('button', { name: 'Revoke the token laptop cli' }).click();
  await expect(tokens.getByRole('row', { name: /laptop cli/ })).toContainText('Revoked');

  // The new password is the one that works now.
  await page.context().clearCookies();
  await signIn(page, user.username, 'second-password-2');
});
