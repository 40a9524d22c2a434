import type { Page } from '@playwright/test';
import { ADMIN, expect, signIn, test, uniqueName } from './fixtures.js';

function usersTable(page: Page) {
  return page.getByRole('table', { name: 'Users' });
}

function row(page: Page, username: string) {
  return usersTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: username, exact: true }) });
}

async function rowAction(page: Page, username: string, action: string) {
  await page.getByRole('button', { name: `Actions for ${username}` }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

async function createUser(page: Page, username: string) {
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByRole('textbox', { name: 'User name' }).fill(username);
  await dialog.getByRole('textbox', { name: 'Display name' }).fill('Bob Builder');
  await dialog.getByRole('textbox', { name: 'E-mail' }).fill(`${username}@example.test`);
  await dialog.getByRole('combobox', { name: 'Role' }).selectOption('viewer');
  await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill('a-good-password-1');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  return dialog;
}

test('admin creates, edits, changes the role of, disables, resets and deletes a user', async ({
  page,
  browser,
}) => {
  const username = uniqueName('bob');
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users and roles' })).toBeVisible();

  const dialog = await createUser(page, username);
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(`User ${username} created.`)).toBeVisible();
  await expect(row(page, username)).toContainText('Bob Builder');
  await expect(page.getByRole('combobox', { name: `Role of ${username}` })).toHaveValue('viewer');

  await page.getByRole('searchbox', { name: 'Search' }).fill(username);
  await expect(usersTable(page).getByRole('rowheader')).toHaveText([username]);
  await page.getByRole('searchbox', { name: 'Search' }).fill('');

  // A second user with the same name is refused on the field itself (409).
  const duplicate = await createUser(page, username);
  await expect(duplicate.getByText('This user name is already taken.')).toBeVisible();
  await duplicate.getByRole('button', { name: 'Cancel' }).click();

  await rowAction(page, username, 'Edit');
  const edit = page.getByRole('dialog', { name: `Edit ${username}` });
  await edit.getByRole('textbox', { name: 'Display name' }).fill('Robert Builder');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(row(page, username)).toContainText('Robert Builder');

  await page.getByRole('combobox', { name: `Role of ${username}` }).selectOption('operator');
  await expect(page.getByText(`${username} is now Operator.`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('combobox', { name: `Role of ${username}` })).toHaveValue('operator');

  await rowAction(page, username, 'Disable');
  await expect(row(page, username)).toContainText('Disabled');
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('disabled');
  await expect(row(page, username)).toBeVisible();
  await expect(row(page, ADMIN.username)).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('');

  await rowAction(page, username, 'Reset password');
  await page
    .getByRole('dialog', { name: 'Reset password' })
    .getByRole('button', { name: 'Reset password' })
    .click();
  await expect(page.getByText(`New temporary password for ${username}`)).toBeVisible();
  await expect(page.getByLabel('Temporary password', { exact: true })).toHaveText(/\S{10,}/);
  const temporary = await page.getByLabel('Temporary password', { exact: true }).innerText();
  await page.getByRole('button', { name: 'I have saved it' }).click();
  await expect(page.getByLabel('Temporary password', { exact: true })).toHaveCount(0);

  // The user signs in with the temporary password and is asked to choose a new one.
  const other = await browser.newContext();
  const userPage = await other.newPage();
  await rowAction(page, username, 'Enable');
  await expect(row(page, username)).toContainText('Active');
  await signIn(userPage, username, temporary.trim());
  await expect(userPage.getByText('Your password was reset: choose a new one.')).toBeVisible();
  await other.close();

  await rowAction(page, username, 'Delete');
  const confirm = page.getByRole('dialog', { name: 'Delete user' });
  await expect(confirm).toContainText(`Delete the user ${username}?`);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText(`User ${username} deleted.`)).toBeVisible();
  await expect(row(page, username)).toHaveCount(0);
});

test('the last active admin cannot be demoted: the page says why', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/users');
  // Only the first admin exists on this worker's server (the other journeys add no admin).
  await page.getByRole('combobox', { name: 'Role', exact: true }).selectOption('admin');
  await expect(usersTable(page).getByRole('rowheader')).toHaveText([ADMIN.username]);
  await page.getByRole('combobox', { name: `Role of ${ADMIN.username}` }).selectOption('viewer');
  await expect(page.getByRole('alert')).toContainText('This is the last active admin');
  await expect(page.getByRole('combobox', { name: `Role of ${ADMIN.username}` })).toHaveValue(
    'admin',
  );
});
