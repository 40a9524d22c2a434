/**
 * `scenepacker destinations list|add|test|remove`: the acting user's upload sites, on the local
 * database or, with SCENEPACKER_API_URL and SCENEPACKER_API_TOKEN, on a running server.
 * A site is added from a URL (`sftp://user@host:22/incoming?fingerprint=SHA256:…`); the password
 * comes from standard input rather than the command line, where shell history would keep it.
 */
import { Option, type Command } from 'commander';
import { RELEASE_TYPES, type ReleaseType } from '../../domain/enums.js';
import { parseDestinationUrl } from '../../services/adhoc-delivery.js';
import type { DestinationInput } from '../../services/destinations.service.js';
import { AppError, errorCodeOr, validationError } from '../../shared/errors.js';
import type { Kit } from '../command-kit.js';
import { destinationsClient } from '../destinations-client.js';
import { emit, table } from '../output.js';

interface AddOptions {
  passwordStdin?: boolean;
  keyFile?: string;
  passphraseStdin?: boolean;
  group?: string;
  type?: ReleaseType;
  timeout?: number;
}

export function registerDestinationCommands(program: Command, kit: Kit): void {
  const destinations = program
    .command('destinations')
    .description('Upload sites (local database, or the server in remote mode)');
  destinations
    .command('list')
    .description('List your destinations')
    .action(async (_options, command: Command) => {
      const client = await destinationsClient(kit, command);
      const items = await client.list();
      emit(kit.output(command), items, (rows) =>
        table(rows as unknown as Record<string, unknown>[], [
          'name',
          'protocol',
          'host',
          'port',
          'username',
          'remotePath',
          'hostKeyFingerprint',
          'enabled',
          'id',
        ]),
      );
    });
  registerAdd(destinations, kit);
  registerTest(destinations, kit);
  destinations
    .command('remove <name>')
    .description('Delete a destination (by name or id)')
    .action(async (name: string, _options, command: Command) => {
      const removed = await (await destinationsClient(kit, command)).remove(name);
      emit(kit.output(command), { removed: removed.id, name: removed.name }, () => {
        return `Removed ${removed.name} (${removed.id})`;
      });
    });
}

function registerAdd(destinations: Command, kit: Kit): void {
  destinations
    .command('add <name> <url>')
    .description(
      'Add a destination from ftp://, ftps://, ftps-implicit:// or sftp://user@host[:port]/path ' +
        '(?fingerprint=SHA256:… pins an SSH host key, ?tls-fingerprint=… a self-signed certificate)',
    )
    .option('--password-stdin', 'read the password from standard input')
    .option('--key-file <file>', 'SFTP: private key file (OpenSSH or PEM)')
    .option('--passphrase-stdin', 'SFTP: read the key passphrase from standard input')
    .option('--group <group>', 'only for releases of this group')
    .addOption(new Option('--type <type>', 'only for this release type').choices(RELEASE_TYPES))
    .option('--timeout <ms>', 'network timeout in milliseconds', (v) => Number.parseInt(v, 10))
    .action(async (name: string, url: string, options: AddOptions, command: Command) => {
      const input = await destinationInput(kit, name, url, options);
      const created = await (await destinationsClient(kit, command)).add(input);
      emit(kit.output(command), created, (d) => {
        return `Added ${d.name}: ${d.protocol}://${d.username}@${d.host}:${d.port}${d.remotePath} (${d.id})`;
      });
    });
}

async function destinationInput(
  kit: Kit,
  name: string,
  url: string,
  options: AddOptions,
): Promise<DestinationInput> {
  if (options.passwordStdin === true && options.passphraseStdin === true) {
    throw validationError(
      [{ path: 'stdin', message: 'only one of --password-stdin and --passphrase-stdin' }],
      'Standard input can carry the password or the passphrase, not both',
    );
  }
  const { target } = parseDestinationUrl(url);
  if (target.protocol === 'local') {
    throw validationError([{ path: 'url', message: 'a stored destination is a network site' }]);
  }
  const stdin = options.passwordStdin === true || options.passphraseStdin === true;
  const secret = stdin ? (await kit.env.readStdin()).replace(/\r?\n$/, '') : undefined;
  return {
    name,
    protocol: target.protocol,
    host: target.host,
    port: target.port,
    username: target.username,
    password: options.passwordStdin === true ? secret : (target.password ?? null),
    privateKey: options.keyFile === undefined ? null : await kit.env.readFile(options.keyFile),
    passphrase: options.passphraseStdin === true ? secret : null,
    hostKeyFingerprint: target.hostKeyFingerprint ?? null,
    tlsFingerprint: target.tlsFingerprint ?? null,
    remotePath: target.remotePath,
    timeoutMs: options.timeout ?? target.timeoutMs ?? null,
    groupName: options.group ?? null,
    releaseType: options.type ?? null,
  };
}

function registerTest(destinations: Command, kit: Kit): void {
  destinations
    .command('test <name>')
    .description('Connect afresh, log in, check the folder and write/delete a probe file')
    .action(async (name: string, _options, command: Command) => {
      const result = await (await destinationsClient(kit, command)).test(name);
      emit(kit.output(command), result, (r) => {
        const fingerprint = r.details.fingerprint;
        const pin =
          typeof fingerprint === 'string'
            ? `\n  to trust this key: add the destination again with ?fingerprint=${fingerprint}`
            : '';
        return `${r.success ? 'OK' : 'FAILED'} ${name}: ${r.message}${pin}`;
      });
      if (!result.success) {
        throw testFailure(result.details.code, result.message);
      }
    });
}

/** A failed test exits with the status of its reason (6 for delivery problems). */
function testFailure(code: unknown, message: string): AppError {
  return new AppError(errorCodeOr(code, 'delivery.connection_failed'), message);
}
