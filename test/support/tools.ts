/**
 * Tests that need an outside program (lsar, bsdtar, vsftpd, sshd, chromium, ffmpeg …) or service
 * (MariaDB, PostgreSQL, Redis) ask here. Outside CI a missing tool skips those tests with a loud
 * reason; with CI=true the run script counts every skip as a failure, so CI proves everything.
 */
import { spawnSync } from 'node:child_process';

const seen = new Map<string, boolean>();

/** True when `command` is on PATH (or is an absolute path that exists and runs). */
export function hasTool(command: string): boolean {
  const cached = seen.get(command);
  if (cached !== undefined) {
    return cached;
  }
  const found =
    spawnSync('sh', ['-c', `command -v "${command}"`], { stdio: 'ignore' }).status === 0;
  seen.set(command, found);
  if (!found) {
    console.warn(
      `\n!!! SKIPPING tests that need "${command}": it is not installed (see .ci/run for the package)\n`,
    );
  }
  return found;
}

/** The environment variable's value, or undefined with a loud note that its tests are skipped. */
export function envOrSkip(name: string): string | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') {
    console.warn(`\n!!! SKIPPING tests that need ${name}: it is not set\n`);
    return undefined;
  }
  return value;
}
