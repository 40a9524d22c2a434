import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, rowOf, signIn, test, uniqueName } from './fixtures.js';

/** A loopback port nothing listens on: bound by the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') {
    throw new Error('no port');
  }
  return address.port;
}

function destinations(page: Page) {
  return page.getByRole('table', { name: 'Destinations' });
}

async function createSftpDestination(page: Page, port: number) {
  await page.getByRole('button', { name: 'New destination' }).click();
  const dialog = page.getByRole('dialog', { name: 'New destination' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('seedbox');
  await expect(dialog.getByRole('combobox', { name: 'Protocol' })).toHaveValue('sftp');
  await dialog.getByRole('textbox', { name: 'Host', exact: true }).fill('127.0.0.1');
  await dialog.getByRole('textbox', { name: 'Port' }).fill(String(port));
  await dialog.getByRole('textbox', { name: 'User name' }).fill('ulrich');
  await dialog.getByLabel('Password', { exact: true }).fill('sftp-secret-password');
  await dialog.getByRole('textbox', { name: 'Remote folder' }).fill('/incoming');
  await dialog.getByRole('button', { name: 'Create destination' }).click();
  await expect(dialog).toHaveCount(0);
}

test('operator creates an SFTP destination, keeps its password through an edit and tests it', async ({
  page,
  seed,
}) => {
  const user = { username: uniqueName('olivia'), password: 'operator-password-1' };
  await seed.createUser({ ...user, role: 'operator' });
  const port = await closedPort();
  await signIn(page, user.username, user.password);
  await page.getByRole('link', { name: 'Destinations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Destinations' })).toBeVisible();

  await createSftpDestination(page, port);
  await expect(page.getByText('Destination seedbox created.')).toBeVisible();
  const row = rowOf(destinations(page), 'seedbox');
  await expect(row).toContainText(`127.0.0.1:${String(port)}`);
  await expect(row).toContainText('********');

  // After a reload the password is still only a mask; editing leaves it untouched.
  await page.reload();
  await page.getByRole('button', { name: 'Edit seedbox' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit seedbox' });
  await expect(edit.getByLabel('Password', { exact: true })).toHaveValue('********');
  await edit.getByRole('textbox', { name: 'Remote folder' }).fill('/incoming/books');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Destination seedbox saved.')).toBeVisible();
  await expect(row).toContainText('/incoming/books');
  await expect(row).toContainText('********');

  // The test connects afresh and names the precise failure.
  await page.getByRole('button', { name: 'Test seedbox' }).click();
  const result = page.getByRole('status', { name: 'seedbox: the test failed' });
  await expect(result).toContainText('Connection refused: nothing listens on this host and port.');
  await expect(result).toContainText('Code: delivery.connection_refused');
  await expect(result).toContainText('127.0.0.1 refused the connection');

  // An explicit "clear" removes the stored password.
  await page.getByRole('button', { name: 'Edit seedbox' }).click();
  await edit.getByRole('button', { name: 'Clear the stored Password' }).click();
  await expect(edit.getByText('Will be removed when you save.')).toBeVisible();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  await expect(row).not.toContainText('********');

  await page.getByRole('button', { name: 'Delete seedbox' }).click();
  await page
    .getByRole('dialog', { name: 'Delete destination' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByText('Destination seedbox deleted.')).toBeVisible();
  await expect(page.getByText('No destination yet.')).toBeVisible();
});

test('a viewer sees the destinations page read-only', async ({ page, seed }) => {
  const user = { username: uniqueName('vera'), password: 'viewer-password-1' };
  await seed.createUser({ ...user, role: 'viewer' });
  await signIn(page, user.username, user.password);
  await page.goto('/config/destinations');
  await expect(page.getByRole('note')).toContainText('Viewers cannot add or change destinations.');
  await expect(page.getByRole('button', { name: 'New destination' })).toHaveCount(0);
});
