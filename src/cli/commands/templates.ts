/** `scenepacker templates list|show|import|export` */
import { Option, type Command } from 'commander';
import {
  RELEASE_TYPES,
  TEMPLATE_KINDS,
  type ReleaseType,
  type TemplateKind,
} from '../../domain/enums.js';
import type { Kit } from '../command-kit.js';
import { emit, table } from '../output.js';

export function registerTemplateCommands(program: Command, kit: Kit): void {
  const templates = program.command('templates').description('NFO and DIZ templates');
  templates
    .command('list')
    .description('List stored templates')
    .addOption(new Option('--kind <kind>').choices(TEMPLATE_KINDS))
    .addOption(new Option('--type <type>').choices(RELEASE_TYPES))
    .action(async (options: { kind?: TemplateKind; type?: ReleaseType }, command: Command) => {
      const { services, caller, output } = await kit.local(command);
      const page = await services.templates.list(
        caller,
        { kind: options.kind, releaseType: options.type },
        { limit: 500, offset: 0 },
      );
      emit(output, page, (data) =>
        table(data.items as unknown as Record<string, unknown>[], [
          'name',
          'kind',
          'releaseType',
          'isDefault',
          'updatedAt',
          'id',
        ]),
      );
    });
  templates
    .command('show <id>')
    .description('Print a template ("default" with --kind/--type for the default one)')
    .addOption(new Option('--kind <kind>').choices(TEMPLATE_KINDS).default('nfo'))
    .addOption(new Option('--type <type>').choices(RELEASE_TYPES).default('EBOOK'))
    .action(
      async (id: string, options: { kind: TemplateKind; type: ReleaseType }, command: Command) => {
        const { services, caller, output } = await kit.local(command);
        const template =
          id === 'default'
            ? await services.templates.getDefault(caller, options.kind, options.type)
            : await services.templates.get(caller, id);
        emit(output, template, (t) => t.content);
      },
    );
  registerTransfer(templates, kit);
}

function registerTransfer(templates: Command, kit: Kit): void {
  templates
    .command('import <file>')
    .description('Store a template file')
    .requiredOption('--name <name>', 'template name')
    .addOption(new Option('--kind <kind>').choices(TEMPLATE_KINDS).default('nfo'))
    .addOption(new Option('--type <type>').choices(RELEASE_TYPES).default('EBOOK'))
    .option('--default', 'make it the default of its kind and type')
    .action(
      async (
        file: string,
        options: { name: string; kind: TemplateKind; type: ReleaseType; default?: boolean },
        command: Command,
      ) => {
        const { services, caller, output } = await kit.local(command);
        const content = await kit.env.readFile(file);
        const saved = await services.templates.create(caller, {
          name: options.name,
          kind: options.kind,
          releaseType: options.type,
          content,
          isDefault: options.default === true,
        });
        emit(output, saved, (t) => `Imported "${t.name}" (${t.id ?? 'built-in'})`);
      },
    );
  templates
    .command('export <id> [file]')
    .description('Write a template to a file (or standard output)')
    .action(async (id: string, file: string | undefined, _options, command: Command) => {
      const { services, caller, output } = await kit.local(command);
      const template = await services.templates.get(caller, id);
      if (file === undefined) {
        output.out(template.content);
        return;
      }
      await kit.env.writeFile(file, template.content);
      emit(output, { file, id }, () => `Wrote ${file}`);
    });
}
