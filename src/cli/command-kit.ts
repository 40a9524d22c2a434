/** Shared plumbing for commands: global options, the output, the acting caller. */
import type { Command } from 'commander';
import type { Caller } from '../services/context.js';
import type { Services } from '../services/registry.js';
import type { CliEnvironment, CliOutput } from './context.js';

export interface GlobalOptions {
  json?: boolean;
  as?: string;
}

export interface Kit {
  env: CliEnvironment;
  output(command: Command): CliOutput;
  /** Services and the acting caller, built on first use. */
  local(command: Command): Promise<{ services: Services; caller: Caller; output: CliOutput }>;
}

export function createKit(
  env: CliEnvironment,
  write: { out(text: string): void; err(text: string): void },
): Kit {
  const output = (command: Command): CliOutput => ({
    ...write,
    json: command.optsWithGlobals<GlobalOptions>().json === true,
  });
  return {
    env,
    output,
    async local(command) {
      const services = await env.services();
      const caller = await env.caller(command.optsWithGlobals<GlobalOptions>().as);
      return { services, caller, output: output(command) };
    },
  };
}

/** Reads a secret from --password or, with --password-stdin, from standard input. */
export async function passwordFrom(
  env: CliEnvironment,
  options: { password?: string; passwordStdin?: boolean },
): Promise<string | undefined> {
  if (options.passwordStdin === true) {
    return (await env.readStdin()).replace(/\r?\n$/, '');
  }
  return options.password;
}
