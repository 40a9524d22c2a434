/**
 * The server: container, first admin, HTTP app, listen, graceful shutdown. `startServer` is what
 * `scenepacker serve` and `npm start` run.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/schema.js';
import { buildApp } from '../http/app.js';
import { createContainer, type Container } from './container.js';
import { createLogger } from './logger.js';

export interface RunningServer {
  app: FastifyInstance;
  container: Container;
  url: string;
  stop(): Promise<void>;
}

const WEB_DIR = fileURLToPath(new URL('../web', import.meta.url));

export async function buildServerApp(
  container: Container,
  logger = createLogger(container.config),
): Promise<FastifyInstance> {
  const { config } = container;
  return buildApp({
    services: container.services,
    version: container.version,
    logger,
    trustProxy: config.trustProxy,
    maxUploadBytes: config.maxUploadBytes,
    webDir: WEB_DIR,
    auth: {
      jwtSecret: container.jwtSecret,
      accessTokenTtlSeconds: config.auth.accessTokenTtlSeconds,
      cookieSecure: config.auth.cookieSecure,
      apiTokenPrefix: config.auth.apiTokenPrefix,
      loginRatePerMinute: config.auth.loginRatePerMinute,
    },
  });
}

/** Creates the first admin on an empty database and prints a generated password once. */
async function bootstrapAdmin(container: Container, print: (line: string) => void): Promise<void> {
  const { username, password } = container.config.admin;
  const result = await container.services.users.ensureInitialAdmin(username, password);
  if (result.generatedPassword !== null) {
    print(
      `\n  First start: created the admin "${username}" with the one-time password:\n\n      ${result.generatedPassword}\n\n  Sign in and change it (it is not shown again).\n`,
    );
  } else if (result.created) {
    print(`First start: created the admin "${username}" with SCENEPACKER_ADMIN_PASSWORD.`);
  }
}

export async function startServer(
  config: Config,
  print: (line: string) => void = console.log,
): Promise<RunningServer> {
  const logger = createLogger(config);
  // With the local (or inline) driver the server runs the jobs itself; with bullmq, workers do.
  const container = await createContainer(config, {
    logger,
    work: config.jobs.driver !== 'bullmq',
  });
  await container.queue.start();
  await bootstrapAdmin(container, print);
  const app = await buildServerApp(container, logger);
  const address = await app.listen({ host: config.host, port: config.port });
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  print(
    `scenepacker ${container.version} listening on ${url} (database: ${container.db.dialect}, jobs: ${config.jobs.driver})`,
  );
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= app.close().then(() => container.close());
    return stopping;
  };
  return { app, container, url, stop };
}

/** `scenepacker worker`: runs jobs only (BullMQ scale-out, or a separate process for the local driver). */
export async function startWorker(
  config: Config,
  print: (line: string) => void = console.log,
): Promise<{ stop(): Promise<void> }> {
  const container = await createContainer(config, { logger: createLogger(config), work: true });
  await container.queue.start();
  print(
    `scenepacker ${container.version} worker running (jobs: ${config.jobs.driver}, concurrency ${config.jobs.concurrency})`,
  );
  return { stop: () => container.close() };
}

/** Stops cleanly on SIGINT/SIGTERM: no new requests, running ones finish, the database closes. */
export function stopOnSignals(server: { stop(): Promise<void> }): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.stop().then(() => process.exit(0));
    });
  }
}
