/**
 * Starts the built server (`node dist/main/cli.js serve`) as a user would: a temp data dir (temp
 * SQLite database), a known admin password and PORT=0 (a free port). Resolves with the URL from
 * the "listening on" line; `stop()` kills the process and removes the data dir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ADMIN = { username: 'admin', password: 'admin-password-123' } as const;
const CLI = 'dist/main/cli.js';
const START_TIMEOUT_MS = 30_000;

export interface RunningServer {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
}

function waitForListening(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`server did not start in time:\n${output()}`));
    }, START_TIMEOUT_MS);
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output());
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)} before listening:\n${output()}`));
    });
  });
}

function stopper(child: ChildProcess, dataDir: string) {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}

export async function startServer(): Promise<RunningServer> {
  if (!existsSync(CLI) || !existsSync('dist/web/index.html')) {
    throw new Error('the app is not built: run "npm run build" before the e2e tests');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'scenepacker-e2e-'));
  let output = '';
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      SCENEPACKER_DATA_DIR: dataDir,
      SCENEPACKER_ADMIN_USERNAME: ADMIN.username,
      SCENEPACKER_ADMIN_PASSWORD: ADMIN.password,
      // Every journey signs in from the same address; the real limit is tested in integration.
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      LOG_LEVEL: 'warn',
      DATABASE_URL: `sqlite:${join(dataDir, 'e2e.db')}`,
      SCENEPACKER_JOB_DRIVER: 'local',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const stop = stopper(child, dataDir);
  try {
    return { url: await waitForListening(child, () => output), dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
