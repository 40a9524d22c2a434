/** `scenepacker db migrate|status|down` */
import type { Command } from 'commander';
import type { Kit } from '../command-kit.js';
import { emit, table } from '../output.js';

export function registerDbCommands(program: Command, kit: Kit): void {
  const db = program.command('db').description('Database schema migrations');
  db.command('migrate')
    .description('Apply every pending migration')
    .action(async (_options, command: Command) => {
      const report = await kit.env.migrate('up');
      emit(kit.output(command), { applied: report.applied }, (data) =>
        data.applied.length === 0 ? 'Already up to date.' : `Applied: ${data.applied.join(', ')}`,
      );
    });
  db.command('status')
    .description('List migrations and when each was applied')
    .action(async (_options, command: Command) => {
      const report = await kit.env.migrate('status');
      emit(kit.output(command), report.status, (rows) =>
        table(
          rows.map((row) => ({ ...row, executedAt: row.executedAt ?? 'pending' })),
          ['name', 'executedAt'],
        ),
      );
    });
  db.command('down')
    .description('Revert the last applied migration')
    .action(async (_options, command: Command) => {
      const report = await kit.env.migrate('down');
      emit(kit.output(command), { reverted: report.reverted ?? null }, (data) =>
        data.reverted === null ? 'Nothing to revert.' : `Reverted: ${data.reverted}`,
      );
    });
}
