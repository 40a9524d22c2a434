import { expect, signIn, test, uniqueName } from './fixtures.js';

test('operator sets an output path, sees where releases go, and a path outside the roots is refused', async ({
  page,
  seed,
}) => {
  const user = { username: uniqueName('pia'), password: 'operator-password-3' };
  await seed.createUser({ ...user, role: 'operator' });
  await signIn(page, user.username, user.password);
  await page.getByRole('link', { name: 'Paths' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Paths' })).toBeVisible();

  const form = page.getByRole('region', { name: 'Set a path' });
  await form.getByRole('textbox', { name: 'Group' }).fill('SCNPK');
  await form.getByRole('combobox', { name: 'Release type' }).selectOption('TV');
  await form.getByRole('textbox', { name: 'Output directory' }).fill('releases/scnpk-tv');
  await form.getByRole('button', { name: 'Save path' }).click();
  await expect(page.getByText('Path of SCNPK (TV) saved.')).toBeVisible();

  const effective = page.getByRole('table', { name: 'Effective paths' });
  await expect(effective).toContainText('/releases/scnpk-tv');
  await expect(effective.getByRole('row', { name: /Comes from/ })).toContainText('Yours');
  await expect(
    page.getByRole('table', { name: 'Path rules' }).getByRole('rowheader', { name: 'SCNPK' }),
  ).toBeVisible();

  // Another type of the same group has no rule: the built-in default applies.
  await page
    .getByRole('region', { name: 'Path in use' })
    .getByRole('combobox', { name: 'Release type' })
    .selectOption('EBOOK');
  await expect(effective.getByRole('row', { name: /Comes from/ })).toContainText('Default');

  await form.getByRole('textbox', { name: 'Output directory' }).fill('/etc/scenepacker');
  await form.getByRole('button', { name: 'Save path' }).click();
  await expect(form.getByRole('alert')).toContainText('This path is not allowed');
  await expect(
    form.getByText(/Refused: must be inside the data directory or an allowed root/),
  ).toBeVisible();

  await form.getByRole('textbox', { name: 'Output directory' }).fill('releases/../../etc');
  await form.getByRole('button', { name: 'Save path' }).click();
  await expect(form.getByText('Refused: must not contain ".." segments')).toBeVisible();
});
