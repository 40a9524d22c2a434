/**
 * What commands receive from main: lazily built services (nothing is opened for `--help`), the
 * acting user, the output streams, and the few operations that are not use cases (serve, migrate).
 */
import type { MigrationReport } from './types.js';
import type { Services } from '../services/registry.js';
import type { Caller } from '../services/context.js';
import type { PackagingService } from '../services/packaging/index.js';

/** The machine administrator local commands act as before any admin account exists. */
export const BOOTSTRAP_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
  json: boolean;
}

export interface CliEnvironment {
  /** The API server and token of remote mode (SCENEPACKER_API_URL/_TOKEN), if both are set. */
  remote: { url: string; token: string } | undefined;
  /** Builds the services on the local database (once). */
  services(): Promise<Services>;
  /** The caller for local commands: `--as <username>`, else the first active admin. */
  caller(username: string | undefined): Promise<Caller>;
  serve(options: { host?: string; port?: number }): Promise<void>;
  /** Runs jobs until stopped by a signal. */
  worker(): Promise<void>;
  migrate(direction: 'up' | 'down' | 'status'): Promise<MigrationReport>;
  rotateSecrets(
    newKey: string | undefined,
  ): Promise<{ destinations: number; apiConfigs: number; keyLocation: string }>;
  readStdin(): Promise<string>;
  readFile(path: string): Promise<string>;
  writeFile(path: string, content: string): Promise<void>;
  /**
   * Packing, checking and rulesets on local files. With `enrich`, the metadata providers fill
   * what the file lacks when a local database exists and the acting user (`as`, else the first
   * admin) has a provider configured; without it, or with no database, none is opened or made.
   */
  packaging(enrich?: { as: string | undefined }): PackagingService;
  /** Where a progress bar may be drawn (stderr when it is a terminal), or null. */
  progressStream(): NodeJS.WritableStream | null;
  /** A signal that aborts on Ctrl-C (SIGINT) until `release` is called. */
  interrupts(): { signal: AbortSignal; release(): void };
  close(): Promise<void>;
}
