/** `scenepacker metadata extract|enrich <file>` */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { RELEASE_TYPES, type ReleaseType } from '../../domain/enums.js';
import type { Kit } from '../command-kit.js';
import { emit, table } from '../output.js';

interface ProviderLine {
  provider: string;
  lookup: string | null;
  outcome: string;
  reason: string | null;
  durationMs: number;
  fromCache: boolean;
}

function fieldsTable(
  fields: object,
  provenance: Record<string, { source: string } | undefined>,
): string {
  const rows = Object.entries(fields).map(([field, value]) => ({
    field,
    value: Array.isArray(value) ? value.join(', ') : (value as unknown),
    source: provenance[field]?.source ?? '-',
  }));
  return table(rows, ['field', 'value', 'source']);
}

function providersTable(lines: ProviderLine[]): string {
  return table(
    lines.map((line) => ({
      ...line,
      reason: line.reason ?? '',
      cache: line.fromCache ? 'hit' : '',
    })),
    ['provider', 'lookup', 'outcome', 'reason', 'durationMs', 'cache'],
  );
}

export function registerMetadataCommands(program: Command, kit: Kit): void {
  const metadata = program.command('metadata').description('Read and enrich metadata');
  metadata
    .command('extract <file>')
    .description('What the file itself says (format found from its content)')
    .action(async (file: string, _options, command: Command) => {
      const { services, output } = await kit.local(command);
      const extraction = await services.metadata.extractLocal(resolve(file));
      emit(
        output,
        extraction,
        (e) =>
          `format: ${e.format.format} (${e.format.mimeType})\n${table(
            Object.entries(e.metadata as object as Record<string, unknown>).map(
              ([field, value]) => ({ field, value }),
            ),
            ['field', 'value'],
          )}`,
      );
    });
  metadata
    .command('enrich <file>')
    .description(
      'Extract, then fill the gaps from OpenLibrary, Google Books, TheTVDB, TMDb and OMDb',
    )
    .addOption(new Option('--type <type>', 'release type for books').choices(RELEASE_TYPES))
    .option('--pin <id...>', 'manual ids: isbn:…, olid:…, gbid:…, tvdb:…, tmdb:…, imdb:…')
    .option('--offline', 'no network: report what the file says')
    .action(
      async (
        file: string,
        options: { type?: ReleaseType; pin?: string[]; offline?: boolean },
        command: Command,
      ) => {
        const { services, caller, output } = await kit.local(command);
        const result = await services.metadata.enrichFile(caller, resolve(file), {
          type: options.type,
          pins: options.pin,
          offline: options.offline,
        });
        const { enriched } = result;
        emit(
          output,
          result,
          () =>
            `${fieldsTable(enriched.fields, enriched.provenance as Record<string, { source: string } | undefined>)}\n\n${providersTable(enriched.providers as ProviderLine[])}`,
        );
      },
    );
}
