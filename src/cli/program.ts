/**
 * The `scenepacker` command tree. `runCli` parses, runs one command, and turns failures into the
 * exit status of `exit-codes.ts` with a one-line message (JSON with --json) — never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { isAppError } from '../shared/errors.js';
import { createKit } from './command-kit.js';
import type { CliEnvironment } from './context.js';
import { registerCheckCommand } from './commands/check.js';
import { registerDbCommands } from './commands/db.js';
import { registerDeliverCommand } from './commands/deliver.js';
import { registerDestinationCommands } from './commands/destinations.js';
import { registerMetadataCommands } from './commands/metadata.js';
import { registerPackCommand } from './commands/pack.js';
import { registerPrefsCommands } from './commands/prefs.js';
import { registerRulesCommands } from './commands/rules.js';
import { registerSystemCommands } from './commands/system.js';
import { registerTemplateCommands } from './commands/templates.js';
import { registerTokenCommands } from './commands/tokens.js';
import { registerUserCommands } from './commands/users.js';
import { EXIT, EXIT_CODES, type ExitCode } from './exit-codes.js';

export interface CliStreams {
  out(text: string): void;
  err(text: string): void;
}

function createProgram(env: CliEnvironment, streams: CliStreams, version: string): Command {
  const program = new Command('scenepacker')
    .description('Scene release packer: metadata, naming, packaging, checking and delivery')
    .version(version)
    .option('--json', 'print machine-readable JSON')
    .option('--as <username>', 'act as this user (default: the first active admin)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => {
        streams.out(text.trimEnd());
      },
      writeErr: (text) => {
        streams.err(text.trimEnd());
      },
    })
    .showHelpAfterError();
  const kit = createKit(env, streams);
  registerSystemCommands(program, kit);
  registerDbCommands(program, kit);
  registerUserCommands(program, kit);
  registerTokenCommands(program, kit);
  registerPrefsCommands(program, kit);
  registerTemplateCommands(program, kit);
  registerMetadataCommands(program, kit);
  registerPackCommand(program, kit);
  registerCheckCommand(program, kit);
  registerRulesCommands(program, kit);
  registerDestinationCommands(program, kit);
  registerDeliverCommand(program, kit);
  for (const command of program.commands) {
    command.exitOverride();
  }
  return program;
}

function wantsJson(argv: string[]): boolean {
  return argv.includes('--json');
}

function report(error: unknown, argv: string[], streams: CliStreams): ExitCode {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (isAppError(error)) {
    const body = { code: error.code, message: error.message, details: error.details };
    streams.err(wantsJson(argv) ? JSON.stringify(body) : `error [${error.code}]: ${error.message}`);
    return EXIT_CODES[error.code];
  }
  streams.err(`error [internal.unexpected]: ${(error as Error).message}`);
  return EXIT.failure;
}

/** Runs one command line; resolves with the exit status. */
export async function runCli(
  argv: string[],
  env: CliEnvironment,
  streams: CliStreams,
  version: string,
): Promise<ExitCode> {
  const program = createProgram(env, streams, version);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return report(error, argv, streams);
  } finally {
    await env.close();
  }
}
