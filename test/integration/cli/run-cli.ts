/** Runs the real `scenepacker` entry point (through tsx) as a user would, in a temp data dir. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../src/config/env.js';
import { runCli } from '../../../src/cli/program.js';
import { createCliEnvironment } from '../../../src/main/cli-environment.js';

const ENTRY = fileURLToPath(new URL('../../../src/main/cli.ts', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runScenepacker(
  args: string[],
  env: Record<string, string>,
  stdin?: string,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code: code ?? 1, stdout, stderr });
    });
    child.stdin.end(stdin ?? '');
  });
}

/** Runs one command line in-process, as the binary would, and closes what it opened. */
export async function runInProcess(
  args: string[],
  env: Record<string, string>,
  stdin = '',
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const streams = {
    out: (text: string) => (stdout += `${text}\n`),
    err: (text: string) => (stderr += `${text}\n`),
  };
  const cliEnv = createCliEnvironment(loadConfig({ LOG_LEVEL: 'warn', ...env }));
  cliEnv.readStdin = () => Promise.resolve(stdin);
  try {
    const code = await runCli(args, cliEnv, streams, '0.0.0-test');
    return { code, stdout, stderr };
  } finally {
    await cliEnv.close();
  }
}
