/**
 * Builds the object graph from a Config: database, secrets, services. The only place that picks
 * implementations. Nothing here has logic of its own.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Config } from '../config/schema.js';
import { createDatabase } from '../db/connect.js';
import type { Database } from '../db/ports.js';
import { ApiConfigsService } from '../services/api-configs.service.js';
import { ApiTokenService } from '../services/auth/api-tokens.service.js';
import { AuthService } from '../services/auth/auth.service.js';
import { createLoginThrottle } from '../services/auth/login-throttle.js';
import type { Runtime } from '../services/context.js';
import { DashboardService } from '../services/dashboard.service.js';
import { DestinationsService } from '../services/destinations.service.js';
import { HealthService } from '../services/health.service.js';
import { PathsService } from '../services/paths.service.js';
import { PreferencesService } from '../services/preferences.service.js';
import type { Services } from '../services/registry.js';
import { createSecretBox, type SecretBox } from '../services/secret-box.js';
import { JobsService } from '../services/jobs.service.js';
import { ReleaseDeliveryService } from '../services/release-delivery.service.js';
import { createUploaderFactory } from '../delivery/registry.js';
import { FsFileReader } from '../delivery/local/fs-file-reader.js';
import type { JobQueue } from '../jobs/ports.js';
import { createJobQueue } from './jobs.js';
import { createMetadataApi } from './metadata.js';
import { TemplatesService } from '../services/templates.service.js';
import { UsersService } from '../services/users.service.js';
import { systemClock, type Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { loadJwtSecret, loadSecretKey } from './keys.js';
import { createTemplateEngine } from './template-engine.js';

export interface Container {
  config: Config;
  db: Database;
  services: Services;
  queue: JobQueue;
  runtime: Runtime;
  secrets: SecretBox;
  jwtSecret: string;
  version: string;
  close(): Promise<void>;
}

export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export interface ContainerOptions {
  logger: Logger;
  clock?: Clock;
  /** Run pending migrations while building (servers do; `db status` must not). */
  migrate?: boolean;
  /** This process runs jobs (server with the local driver, worker). */
  work?: boolean;
}

function createServices(
  db: Database,
  config: Config,
  runtime: Runtime,
  secrets: SecretBox,
  version: string,
  work = false,
): { services: Services; queue: JobQueue; closeCaches: () => Promise<void> } {
  const base = { db, runtime };
  const destinations = new DestinationsService({ ...base, secrets });
  const releaseDelivery = new ReleaseDeliveryService({
    runtime,
    destinations,
    deliveries: db.repos.deliveries,
    uploaders: createUploaderFactory(),
    files: new FsFileReader(),
  });
  const queue = createJobQueue(config, db, runtime, { releaseDelivery }, { work });
  const apiConfigs = new ApiConfigsService({ ...base, secrets });
  const preferences = new PreferencesService(base);
  const paths = new PathsService({
    ...base,
    dataDir: config.dataDir,
    allowedRoots: config.allowedRoots,
  });
  const metadata = createMetadataApi(
    config,
    db,
    runtime,
    { apiConfigs, preferences, paths },
    version,
  );
  const services: Services = {
    auth: new AuthService({
      ...base,
      throttle: createLoginThrottle(runtime.clock, config.auth.loginRatePerMinute),
      refreshTokenTtlSeconds: config.auth.refreshTokenTtlSeconds,
    }),
    apiTokens: new ApiTokenService({ ...base, prefix: config.auth.apiTokenPrefix }),
    users: new UsersService(base),
    preferences,
    paths,
    templates: new TemplatesService({ ...base, engine: createTemplateEngine() }),
    destinations,
    apiConfigs,
    metadata: metadata.service,
    dashboard: new DashboardService({ db }),
    health: new HealthService({ db, version, jobDriver: config.jobs.driver }),
    jobs: new JobsService({ ...base, queue }),
    releaseDelivery,
  };
  return { services, queue, closeCaches: metadata.close };
}

export async function createContainer(
  config: Config,
  options: ContainerOptions,
): Promise<Container> {
  const runtime: Runtime = {
    clock: options.clock ?? systemClock,
    newId: randomUUID,
    logger: options.logger,
  };
  const secrets = createSecretBox(loadSecretKey(config));
  const jwtSecret = loadJwtSecret(config);
  const db = createDatabase(config.database, { logger: options.logger });
  if (options.migrate !== false) {
    await db.migrateToLatest();
  }
  const version = readVersion();
  const { services, queue, closeCaches } = createServices(
    db,
    config,
    runtime,
    secrets,
    version,
    options.work === true,
  );
  return {
    config,
    db,
    services,
    queue,
    runtime,
    secrets,
    jwtSecret,
    version,
    close: async () => {
      await queue.stop();
      await closeCaches();
      await db.close();
    },
  };
}
