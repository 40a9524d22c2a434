/** `scenepacker serve` and `scenepacker secrets rotate` */
import type { Command } from 'commander';
import type { Kit } from '../command-kit.js';
import { emit } from '../output.js';

export function registerSystemCommands(program: Command, kit: Kit): void {
  program
    .command('serve')
    .description('Run the web app and the API (and the local job runner)')
    .option('--host <host>', 'listen address')
    .option('--port <port>', 'port', (value) => Number.parseInt(value, 10))
    .action(async (options: { host?: string; port?: number }) => {
      await kit.env.serve(options);
    });
  program
    .command('worker')
    .description('Run jobs only (with SCENEPACKER_JOB_DRIVER=bullmq, on any number of machines)')
    .action(async () => {
      await kit.env.worker();
    });
  program
    .command('secrets')
    .description('Secrets at rest')
    .command('rotate')
    .description('Re-encrypt every stored secret with a new key, in one transaction')
    .option(
      '--new-key <key>',
      'the new key (64 hex digits or base64 of 32 bytes); generated when omitted',
    )
    .action(async (options: { newKey?: string }, command: Command) => {
      const result = await kit.env.rotateSecrets(options.newKey);
      emit(
        kit.output(command),
        result,
        (r) =>
          `Re-encrypted ${r.destinations} destination(s) and ${r.apiConfigs} API configuration(s). Key: ${r.keyLocation}`,
      );
    });
}
