import type { Page } from '@playwright/test';
import { expect, rowOf, signIn, test, uniqueName } from './fixtures.js';
import { SEEDED_JOB_NAME } from './job-seed.js';

const RELEASE = 'Seeded.Book.2026.RETAIL.EPUB.eBook-SCNPK';

function log(page: Page) {
  return page.getByRole('log', { name: 'Log' });
}

test('jobs: a running job with its log lines live, cancelled, retried, cancelled and deleted', async ({
  page,
  seed,
  jobs,
}) => {
  const user = { username: uniqueName('jobber'), password: 'operator-password-5' };
  const { id: userId } = await seed.createUser({ ...user, role: 'operator' });
  const jobId = await jobs.create({
    userId,
    status: 'running',
    releaseName: RELEASE,
    progress: 40,
    progressMessage: 'Uploading volume 2 of 5',
    logs: ['Connected to seedbox', 'Uploading the SFV and the NFO first'],
    artifacts: [{ path: `${RELEASE}.nfo`, kind: 'nfo', sizeBytes: 4321, crc32: 'DEADBEEF' }],
  });
  await signIn(page, user.username, user.password);
  await page.getByRole('link', { name: 'Jobs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  const row = rowOf(page.getByRole('table', { name: 'Jobs' }), SEEDED_JOB_NAME);
  await expect(row).toContainText(RELEASE);
  await expect(row).toContainText('Running');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('completed');
  await expect(page.getByText('No job matches these filters.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Status' }).selectOption('');

  await row.getByRole('link', { name: SEEDED_JOB_NAME }).click();
  await expect(page.getByRole('heading', { level: 1, name: RELEASE })).toBeVisible();
  await expect(page.getByText('40 %')).toBeVisible();
  await expect(page.getByText('Uploading volume 2 of 5')).toBeVisible();
  await expect(log(page)).toContainText('Connected to seedbox');
  await expect(log(page)).toContainText('Uploading the SFV and the NFO first');
  await expect(page.getByRole('table', { name: 'Artifacts' })).toContainText('DEADBEEF');

  // The worker (played by the test) moves on: the page hears it through server-sent events.
  await jobs.log(jobId, 'INFO', 'Uploaded volume 3 of 5');
  await jobs.update(jobId, { progress: 60, progressMessage: 'Uploading volume 4 of 5' });
  await expect(log(page)).toContainText('Uploaded volume 3 of 5');
  await expect(page.getByText('60 %')).toBeVisible();

  await page.getByRole('button', { name: 'Cancel job' }).click();
  await expect(page.getByText('Cancellation requested.')).toBeVisible();
  await expect(log(page)).toContainText('Cancellation requested by');
  await expect(page.getByText('Cancellation requested: stopping…')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel job' })).toBeDisabled();

  // The worker sees the request and stops.
  await jobs.update(jobId, {
    status: 'cancelled',
    completedAt: new Date(),
    errorCode: 'job.cancelled',
    errorMessage: 'Cancelled by the user',
  });
  await expect(page.getByRole('alert', { name: 'Why it stopped' })).toContainText(
    'Cancelled by a user.',
  );
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText('Pending', { exact: true })).toBeVisible();
  await expect(log(page)).toContainText('Queued again by a retry');

  // A pending job stops at once.
  await page.getByRole('button', { name: 'Cancel job' }).click();
  await expect(page.getByText('Cancelled', { exact: true })).toBeVisible();
  expect(await jobs.status(jobId)).toBe('cancelled');

  await page.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete job' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  await expect(page.getByText('Job deleted.')).toBeVisible();
  expect(await jobs.status(jobId)).toBeUndefined();
});

test('a viewer sees everyone’s jobs but cannot control them', async ({ page, seed, jobs }) => {
  const owner = await seed.createUser({
    username: uniqueName('owner'),
    password: 'operator-password-6',
    role: 'operator',
  });
  const release = `Viewer.Sees.It.2026.EPUB.eBook-${uniqueName('G').replace(/\W/g, '')}`;
  const jobId = await jobs.create({ userId: owner.id, status: 'failed', releaseName: release });
  const user = { username: uniqueName('vince'), password: 'viewer-password-3' };
  await seed.createUser({ ...user, role: 'viewer' });
  await signIn(page, user.username, user.password);
  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByRole('heading', { level: 1, name: release })).toBeVisible();
  await expect(page.getByText('Failed', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
});
