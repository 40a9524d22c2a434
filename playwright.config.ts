/**
 * End-to-end journeys in the system Chromium against the BUILT app (`npm run build` first): each
 * worker starts its own server on a free port with a temp SQLite database (test/e2e/fixtures.ts).
 * Playwright's own browser download is never used; every test gets a fresh browser context.
 */
import { defineConfig } from '@playwright/test';

const jsonReport = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? '.tmp/test-reports/playwright.json';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  outputDir: '.tmp/e2e-artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  forbidOnly: process.env.CI === 'true',
  retries: 0,
  workers: Number(process.env.E2E_WORKERS ?? 1),
  reporter: [['list'], ['json', { outputFile: jsonReport }]],
  use: {
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    locale: 'en-US',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
