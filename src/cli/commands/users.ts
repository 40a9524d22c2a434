/** `scenepacker user create|list|set-role|disable|enable|reset-password` */
import { Option, type Command } from 'commander';
import { ROLES, type Role } from '../../domain/enums.js';
import { AppError } from '../../shared/errors.js';
import type { PublicUser } from '../../services/context.js';
import type { Services } from '../../services/registry.js';
import type { Caller } from '../../services/context.js';
import { passwordFrom, type Kit } from '../command-kit.js';
import { emit, table } from '../output.js';

const COLUMNS = ['username', 'role', 'email', 'disabled', 'lastLoginAt', 'id'];

async function userId(services: Services, caller: Caller, username: string): Promise<string> {
  const page = await services.users.list(caller, { search: username }, { limit: 500, offset: 0 });
  const match = page.items.find((user) => user.username.toLowerCase() === username.toLowerCase());
  if (!match) {
    throw new AppError('resource.not_found', `No user "${username}"`);
  }
  return match.id;
}

function registerCreateAndList(user: Command, kit: Kit): void {
  user
    .command('create <username>')
    .description('Create a user')
    .addOption(new Option('--role <role>', 'role').choices(ROLES).default('operator'))
    .option('--email <email>', 'e-mail address')
    .option('--password <password>', 'password (prefer --password-stdin)')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (
        username: string,
        options: { role: Role; email?: string; password?: string; passwordStdin?: boolean },
        command: Command,
      ) => {
        const { services, caller, output } = await kit.local(command);
        const password = await passwordFrom(kit.env, options);
        if (password === undefined) {
          throw new AppError(
            'validation.failed',
            'Give a password with --password or --password-stdin',
          );
        }
        const created = await services.users.create(caller, {
          username,
          password,
          email: options.email ?? null,
          role: options.role,
        });
        emit(output, created, (u) => `Created ${u.role} "${u.username}" (${u.id})`);
      },
    );
  user
    .command('list')
    .description('List users')
    .addOption(new Option('--role <role>', 'only this role').choices(ROLES))
    .addOption(
      new Option('--status <status>', 'active or disabled').choices(['active', 'disabled']),
    )
    .action(async (options: { role?: Role; status?: 'active' | 'disabled' }, command: Command) => {
      const { services, caller, output } = await kit.local(command);
      const page = await services.users.list(caller, options, { limit: 500, offset: 0 });
      emit(output, page, (data) =>
        table(data.items as unknown as Record<string, unknown>[], COLUMNS),
      );
    });
}

function registerChanges(user: Command, kit: Kit): void {
  const change = async (
    command: Command,
    username: string,
    apply: (services: Services, caller: Caller, id: string) => Promise<PublicUser>,
  ) => {
    const { services, caller, output } = await kit.local(command);
    const updated = await apply(services, caller, await userId(services, caller, username));
    emit(
      output,
      updated,
      (u) => `${u.username}: role ${u.role}, ${u.disabled ? 'disabled' : 'active'}`,
    );
  };
  user
    .command('set-role <username> <role>')
    .description(`Change a user's role (${ROLES.join(', ')})`)
    .action(async (username: string, role: string, _o, command: Command) => {
      if (!(ROLES as readonly string[]).includes(role)) {
        throw new AppError('validation.failed', `Unknown role "${role}"; use ${ROLES.join(', ')}`);
      }
      await change(command, username, (s, c, id) => s.users.setRole(c, id, role as Role));
    });
  user
    .command('disable <username>')
    .description('Disable a user and end their sessions')
    .action(async (username: string, _o, command: Command) =>
      change(command, username, (s, c, id) => s.users.setDisabled(c, id, true)),
    );
  user
    .command('enable <username>')
    .description('Enable a user')
    .action(async (username: string, _o, command: Command) =>
      change(command, username, (s, c, id) => s.users.setDisabled(c, id, false)),
    );
  registerReset(user, kit);
}

function registerReset(user: Command, kit: Kit): void {
  user
    .command('reset-password <username>')
    .description(
      'Set a new password (generated when none is given); it must be changed at next login',
    )
    .option('--password <password>', 'the new password')
    .option('--password-stdin', 'read the new password from standard input')
    .action(
      async (
        username: string,
        options: { password?: string; passwordStdin?: boolean },
        command: Command,
      ) => {
        const { services, caller, output } = await kit.local(command);
        const result = await services.users.resetPassword(
          caller,
          await userId(services, caller, username),
          await passwordFrom(kit.env, options),
        );
        emit(output, result, (r) =>
          r.temporaryPassword === null
            ? `Password of "${r.user.username}" reset.`
            : `Temporary password of "${r.user.username}": ${r.temporaryPassword}`,
        );
      },
    );
}

export function registerUserCommands(program: Command, kit: Kit): void {
  const user = program.command('user').description('Users and roles');
  registerCreateAndList(user, kit);
  registerChanges(user, kit);
}
