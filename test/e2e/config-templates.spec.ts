import { ADMIN, expect, rowOf, signIn, test, uniqueName } from './fixtures.js';

const WIDE_LINE = '='.repeat(95);

test('admin writes a template; the live preview warns about a line wider than 80 columns', async ({
  page,
}) => {
  const name = uniqueName('Wide NFO');
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: 'Templates' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Templates' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Templates' });
  await expect(rowOf(table, 'built-in EBOOK NFO')).toContainText('Built-in');

  await page.getByRole('button', { name: 'New template' }).click();
  const editor = page.getByRole('region', { name: 'New template' });
  const preview = editor.getByRole('region', { name: 'Preview' });
  await editor.getByRole('textbox', { name: 'Name' }).fill(name);
  await editor
    .getByRole('textbox', { name: 'Template (Liquid)' })
    .fill(`SCENEPACKER\n${WIDE_LINE}\n`);
  await expect(preview.getByLabel('Rendered text')).toContainText('SCENEPACKER');
  await expect(preview.getByRole('status')).toContainText('Line 2 is 95 columns wide (limit 80).');

  // Shorter text: the preview follows and the warning goes away.
  await editor
    .getByRole('textbox', { name: 'Template (Liquid)' })
    .fill(`SCENEPACKER\n${'='.repeat(80)}\n`);
  await expect(preview.getByText('No warnings: every line fits.')).toBeVisible();
  await editor.getByRole('button', { name: 'Save as a new template' }).click();
  await expect(page.getByText(`Template ${name} saved.`)).toBeVisible();
  await expect(rowOf(table, name)).toBeVisible();

  await page.getByRole('button', { name: `Make ${name} the default` }).click();
  await expect(rowOf(table, name)).toContainText('Default');
  // The built-in one stands back once a stored default exists; the default cannot be deleted.
  await expect(rowOf(table, 'built-in EBOOK NFO')).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Delete ${name}` })).toHaveCount(0);
});

test('a viewer opens a template and previews changes but cannot save', async ({ page, seed }) => {
  const user = { username: uniqueName('vic'), password: 'viewer-password-2' };
  await seed.createUser({ ...user, role: 'viewer' });
  await signIn(page, user.username, user.password);
  await page.goto('/config/templates');
  await page.getByText('FILE_ID.DIZ', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'FILE_ID.DIZ' })).toBeChecked();
  await page
    .getByRole('button', { name: /^Open / })
    .first()
    .click();
  const editor = page.getByRole('region', { name: /^Template / });
  await expect(editor.getByText('only administrators save templates')).toBeVisible();
  await editor.getByRole('textbox', { name: 'Template (Liquid)' }).fill('X'.repeat(50));
  await expect(editor.getByRole('status')).toContainText('Line 1 is 50 columns wide (limit 44).');
  await expect(editor.getByRole('button', { name: /Save/ })).toHaveCount(0);
});
