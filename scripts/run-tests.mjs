#!/usr/bin/env node
// The whole suite: Vitest (unit, integration, web) then Playwright (e2e, against the built app).
// Prints one closing line "N passed, N failed" counting every test of every runner. Outside CI a
// test whose tool is missing is skipped with a loud reason; with CI=true any skip fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const out = '.tmp/test-reports';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let crashed = false;

const buildStatus = run('npm', ['run', 'build', '--silent']);
if (buildStatus !== 0) {
  console.error('build failed');
  crashed = true;
}

const vitestStatus = run('npx', [
  'vitest',
  'run',
  // Coverage thresholds (vitest.config.ts) fail the run when they are not met.
  '--coverage',
  `--coverage.reportsDirectory=${out}/coverage`,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${out}/vitest.json`,
  ...process.argv.slice(2),
]);
const vitest = readJson(`${out}/vitest.json`);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (vitestStatus !== 0 && vitest.numFailedTests === 0) {
    crashed = true;
  }
} else {
  crashed = true;
}

if (!crashed && process.env.SKIP_E2E !== '1') {
  run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/playwright.json` });
  const e2e = readJson(`${out}/playwright.json`);
  if (e2e) {
    totals.passed += e2e.stats.expected + e2e.stats.flaky;
    totals.failed += e2e.stats.unexpected;
    totals.skipped += e2e.stats.skipped;
    run('node', ['scripts/e2e-report.mjs', `${out}/playwright.json`]);
  } else {
    crashed = true;
  }
}

if (crashed) {
  totals.failed += 1;
}
if (ci && totals.skipped > 0) {
  console.error(`CI=true: ${totals.skipped} skipped test(s) count as failures`);
  totals.failed += totals.skipped;
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
