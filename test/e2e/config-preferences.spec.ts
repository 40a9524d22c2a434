import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, rowOf, signIn, test, uniqueName } from './fixtures.js';

const KEY = 'release.defaultSource';

function preferences(page: Page) {
  return page.getByRole('table', { name: 'Effective for me' });
}

async function setValue(page: Page, json: string) {
  await page.getByRole('button', { name: `Edit ${KEY}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${KEY} (Yours)` });
  await dialog.getByRole('textbox', { name: 'Value (JSON)' }).fill(json);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
}

test('preferences: edit a value, export it, change it, import the file back', async ({
  page,
  seed,
}, testInfo) => {
  const user = { username: uniqueName('paula'), password: 'operator-password-4' };
  await seed.createUser({ ...user, role: 'operator' });
  await signIn(page, user.username, user.password);
  await page.getByRole('link', { name: 'Preferences' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Preferences' })).toBeVisible();
  const row = rowOf(preferences(page), KEY);
  await expect(row).toContainText('"RETAIL"');
  await expect(row).toContainText('Default');

  // Not JSON: refused on the field before anything is sent.
  await page.getByRole('button', { name: `Edit ${KEY}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${KEY} (Yours)` });
  await dialog.getByRole('textbox', { name: 'Value (JSON)' }).fill('WEB');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('This is not valid JSON')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await setValue(page, '"WEB"');
  await expect(row).toContainText('"WEB"');
  await expect(row).toContainText('Yours');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to a file' }).click();
  const file = testInfo.outputPath('preferences.json');
  await (await download).saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ preferences: { [KEY]: 'WEB' } });

  await setValue(page, '"SCAN"');
  await expect(row).toContainText('"SCAN"');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import a file' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByText('1 preference imported.')).toBeVisible();
  await expect(row).toContainText('"WEB"');

  await page.getByRole('button', { name: `Reset ${KEY}` }).click();
  await expect(row).toContainText('"RETAIL"');
  await expect(row).toContainText('Default');
});
