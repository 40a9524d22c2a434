/**
 * What the CLI runs on locally: a lazily built container on the local database, migrations,
 * the server, key rotation and file access. Until the first admin exists, local commands act as
 * the machine's administrator (the bootstrap actor) so that `user create --role admin` works.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { Config } from '../config/schema.js';
import { BOOTSTRAP_ACTOR_ID, type CliEnvironment } from '../cli/context.js';
import { createDatabase } from '../db/connect.js';
import { FfmpegMediaTool } from '../media/ffmpeg.js';
import { LocalFileExtractor } from '../metadata/extract/extractor.js';
import type { Caller } from '../services/context.js';
import type { MetadataApiService } from '../services/metadata-api.service.js';
import {
  EnrichingMetadataSource,
  LocalMetadataSource,
  localFields,
  PackagingService,
  type FactsEnricher,
} from '../services/packaging/index.js';
import { createSecretBox, parseSecretKey } from '../services/secret-box.js';
import { rotateSecrets } from '../services/secrets-rotation.service.js';
import { systemClock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { LocalWorkspace } from '../storage/local.js';
import { createContainer, type Container } from './container.js';
import { commitKeyFile, stageNewKeyFile } from './keys.js';
import { createLogger } from './logger.js';
import { startServer, startWorker, stopOnSignals } from './server.js';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    process.stdin.on('error', reject);
  });
}

/** Re-encrypts with a new key; the key file moves into place only after the transaction committed. */
async function rotateWithKey(config: Config, container: Container, newKey: string | undefined) {
  const key = newKey === undefined ? randomBytes(32) : parseSecretKey(newKey);
  const staged = config.secretKey === undefined ? stageNewKeyFile(config, key) : undefined;
  const counts = await rotateSecrets(
    container.db,
    container.runtime,
    container.secrets,
    createSecretBox(key),
  );
  if (staged !== undefined) {
    commitKeyFile(config, staged);
    return { ...counts, keyLocation: `${config.dataDir}/secret.key` };
  }
  return {
    ...counts,
    keyLocation: `set SCENEPACKER_SECRET_KEY=${key.toString('base64')} before the next start`,
  };
}

/** Acts for the machine's administrator before any admin account exists. */
const BOOTSTRAP_CALLER = {
  actor: { id: BOOTSTRAP_ACTOR_ID, role: 'admin' as const },
  ip: null,
};

async function hasActiveAdmin(container: Container): Promise<boolean> {
  return (await container.db.repos.users.countActiveAdmins()) > 0;
}

/** `--as <username>`, else the first active admin, else (no admin yet) the bootstrap actor. */
function actingCaller(
  open: () => Promise<Container>,
): (username: string | undefined) => Promise<Caller> {
  return async (username) => {
    const actor = await (await open()).services.users.findActor(username);
    if (actor) {
      return { actor: { id: actor.id, role: actor.role }, ip: null };
    }
    if (username === undefined && !(await hasActiveAdmin(await open()))) {
      return BOOTSTRAP_CALLER;
    }
    throw new AppError('resource.not_found', `No active user "${username ?? 'admin'}"`);
  };
}

/** Packing needs files, ffmpeg and the extractor only; enrichment may read keys from the database. */
function createPackaging(enrich?: FactsEnricher): PackagingService {
  const extractor = new LocalFileExtractor();
  const metadata =
    enrich === undefined
      ? undefined
      : new EnrichingMetadataSource(new LocalMetadataSource(extractor), enrich);
  return new PackagingService({
    workspace: new LocalWorkspace(),
    media: new FfmpegMediaTool(),
    extractor,
    ...(metadata === undefined ? {} : { metadata }),
    clock: systemClock,
  });
}

/** A database to read provider keys from exists already: packing never creates one. */
function databaseExists(config: Config): boolean {
  const { dialect, url } = config.database;
  return dialect !== 'sqlite' || (url !== ':memory:' && existsSync(url));
}

interface EnrichWith {
  metadata: MetadataApiService;
  caller: Caller;
}

/**
 * The providers with the acting user's keys, set up on first use: nothing (no note) when there
 * is no database or no provider configured. Failing to open an existing database or to find the
 * `--as` user rejects, which the enriching source reports as a note.
 */
function providerEnricher(
  config: Config,
  open: () => Promise<Container>,
  callerOf: () => Promise<Caller>,
): FactsEnricher {
  let ready: Promise<EnrichWith | undefined> | undefined;
  const prepare = async (): Promise<EnrichWith | undefined> => {
    if (!databaseExists(config)) {
      return undefined;
    }
    const { metadata } = (await open()).services;
    const caller = await callerOf();
    return (await metadata.hasConfiguredProviders(caller)) ? { metadata, caller } : undefined;
  };
  return async (type, facts, signal) => {
    const use = await (ready ??= prepare());
    return use?.metadata.enrich(use.caller, { type, metadata: localFields(facts), signal });
  };
}

function interrupts(): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const onInterrupt = (): void => {
    controller.abort(new Error('Interrupted (Ctrl-C)'));
  };
  process.once('SIGINT', onInterrupt);
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', onInterrupt);
    },
  };
}

export function createCliEnvironment(config: Config): CliEnvironment {
  let container: Promise<Container> | undefined;
  let packaging: PackagingService | undefined;
  const logger = createLogger(
    { log: { level: config.log.level === 'info' ? 'warn' : config.log.level, pretty: false } },
    process.stderr,
  );
  const open = (): Promise<Container> => (container ??= createContainer(config, { logger }));
  const caller = actingCaller(open);
  return {
    remote: config.remote,
    services: async () => (await open()).services,
    caller,
    async worker() {
      stopOnSignals(await startWorker(config));
      await new Promise(() => undefined);
    },
    async serve(options) {
      const server = await startServer({
        ...config,
        host: options.host ?? config.host,
        port: options.port ?? config.port,
      });
      stopOnSignals(server);
      await new Promise(() => undefined);
    },
    async migrate(direction) {
      const db = createDatabase(config.database, { logger });
      try {
        const applied = direction === 'up' ? await db.migrateToLatest() : [];
        const reverted = direction === 'down' ? await db.migrateDown() : undefined;
        return { applied, reverted, status: await db.migrationStatus() };
      } finally {
        await db.close();
      }
    },
    rotateSecrets: async (newKey) => rotateWithKey(config, await open(), newKey),
    readStdin,
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, content) => writeFile(path, content, { flag: 'wx' }),
    packaging: (enrich) =>
      enrich === undefined
        ? (packaging ??= createPackaging())
        : createPackaging(providerEnricher(config, open, () => caller(enrich.as))),
    progressStream: () => (process.stderr.isTTY && process.stdout.isTTY ? process.stderr : null),
    interrupts,
    async close() {
      // A database that failed to open (for enrichment, say) has nothing to close.
      const built = await container?.catch(() => undefined);
      await built?.close();
    },
  };
}
