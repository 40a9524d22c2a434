/** `scenepacker token create|list|revoke` — personal API tokens for remote use. */
import type { Command } from 'commander';
import type { Kit } from '../command-kit.js';
import { emit, table } from '../output.js';

export function registerTokenCommands(program: Command, kit: Kit): void {
  const token = program
    .command('token')
    .description('Personal API tokens (for SCENEPACKER_API_TOKEN)');
  token
    .command('create <name>')
    .description('Create a token for the acting user (--as); it is shown once')
    .option('--expires-days <days>', 'lifetime in days', (value) => Number.parseInt(value, 10))
    .action(async (name: string, options: { expiresDays?: number }, command: Command) => {
      const { services, caller, output } = await kit.local(command);
      const created = await services.apiTokens.create(caller, {
        name,
        expiresInDays: options.expiresDays ?? null,
      });
      emit(
        output,
        created,
        (c) =>
          `Token "${c.apiToken.name}" (${c.apiToken.id}):\n\n  ${c.token}\n\nIt is not shown again.`,
      );
    });
  token
    .command('list')
    .description('List your tokens')
    .action(async (_options, command: Command) => {
      const { services, caller, output } = await kit.local(command);
      const items = await services.apiTokens.list(caller);
      emit(output, items, (rows) =>
        table(rows as unknown as Record<string, unknown>[], [
          'name',
          'prefix',
          'createdAt',
          'lastUsedAt',
          'expiresAt',
          'revokedAt',
          'id',
        ]),
      );
    });
  token
    .command('revoke <id>')
    .description('Revoke a token')
    .action(async (id: string, _options, command: Command) => {
      const { services, caller, output } = await kit.local(command);
      await services.apiTokens.revoke(caller, id);
      emit(output, { revoked: id }, () => `Revoked ${id}`);
    });
}
