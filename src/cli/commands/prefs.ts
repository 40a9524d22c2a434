/** `scenepacker prefs get|set|list [--global]` */
import type { Command } from 'commander';
import type { JsonValue } from '../../domain/enums.js';
import { AppError } from '../../shared/errors.js';
import type { Kit } from '../command-kit.js';
import { emit, table } from '../output.js';

function parseJson(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw new AppError('validation.bad_json', `Not valid JSON: ${text.slice(0, 80)}`);
  }
}

export function registerPrefsCommands(program: Command, kit: Kit): void {
  const prefs = program.command('prefs').description('Preferences (user → global → default)');
  prefs
    .command('get <key>')
    .description('The effective value of a key and where it comes from')
    .action(async (key: string, _options, command: Command) => {
      const { services, caller, output } = await kit.local(command);
      const found = await services.preferences.get(caller, key);
      emit(output, found, (p) => `${p.key} = ${JSON.stringify(p.value)} (${p.source})`);
    });
  prefs
    .command('set <key> [value]')
    .description('Set a key to a JSON value (from the argument, --file or standard input)')
    .option('--global', 'set the global value (admins)')
    .option('--file <path>', 'read the JSON value from a file')
    .action(
      async (
        key: string,
        value: string | undefined,
        options: { global?: boolean; file?: string },
        command: Command,
      ) => {
        const { services, caller, output } = await kit.local(command);
        const text =
          value ??
          (options.file !== undefined
            ? await kit.env.readFile(options.file)
            : await kit.env.readStdin());
        const saved = await services.preferences.set(
          caller,
          key,
          parseJson(text),
          options.global === true ? 'global' : 'user',
        );
        emit(output, saved, (p) => `${p.key} = ${JSON.stringify(p.value)} (${p.scope})`);
      },
    );
  prefs
    .command('list')
    .description('List your preferences (or the global ones)')
    .option('--global', 'list the global preferences')
    .option('--effective', 'every known key with its effective value and source')
    .action(async (options: { global?: boolean; effective?: boolean }, command: Command) => {
      const { services, caller, output } = await kit.local(command);
      const rows =
        options.effective === true
          ? await services.preferences.effective(caller)
          : await services.preferences.list(caller, options.global === true ? 'global' : 'user');
      emit(output, rows, (list) =>
        table(
          list.map((row) => ({ ...row, value: JSON.stringify(row.value) })),
          options.effective === true ? ['key', 'value', 'source'] : ['key', 'value', 'updatedAt'],
        ),
      );
    });
}
