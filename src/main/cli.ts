#!/usr/bin/env node
/** The `scenepacker` binary. */
import { loadConfig } from '../config/env.js';
import type { Config } from '../config/schema.js';
import { runCli } from '../cli/program.js';
import { createCliEnvironment } from './cli-environment.js';
import { readVersion } from './container.js';

async function main(): Promise<void> {
  const streams = {
    out: (text: string) => process.stdout.write(`${text}\n`),
    err: (text: string) => process.stderr.write(`${text}\n`),
  };
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    streams.err((error as Error).message);
    process.exit(9);
  }
  process.exitCode = await runCli(
    process.argv.slice(2),
    createCliEnvironment(config),
    streams,
    readVersion(),
  );
}

await main();
