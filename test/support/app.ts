/**
 * A real app on a temp SQLite database for HTTP tests: real services, real repositories, real
 * auth. `as(role)` gives a client that is signed in as a fresh user of that role.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config/env.js';
import type { Role } from '../../src/domain/enums.js';
import { createContainer, type Container } from '../../src/main/container.js';
import { createLogger } from '../../src/main/logger.js';
import { buildServerApp } from '../../src/main/server.js';

export const ADMIN_PASSWORD = 'admin-password-123';
export const USER_PASSWORD = 'user-password-123';

export interface Client {
  id: string;
  username: string;
  token: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  container: Container;
  dataDir: string;
  /** Every log line written so far (for "no secret in any log line"). */
  logs: string[];
  admin: Client;
  login(username: string, password: string): Promise<LightMyRequestResponse>;
  as(role: Role, name?: string): Promise<Client>;
  anonymous(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;

function logCapture(logs: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sp-http-'));
  const config = loadConfig({
    SCENEPACKER_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    SCENEPACKER_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...env,
  });
  const logs: string[] = [];
  const logger = createLogger(config, logCapture(logs));
  const container = await createContainer(config, { logger });
  await container.services.users.ensureInitialAdmin('admin', ADMIN_PASSWORD);
  const app = await buildServerApp(container, logger);
  const login = (username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  async function client(username: string, password: string): Promise<Client> {
    const response = await login(username, password);
    const body = response.json<{ token: string; user: { id: string } }>();
    if (response.statusCode !== 200) {
      throw new Error(`login as ${username} failed: ${response.body}`);
    }
    return {
      id: body.user.id,
      username,
      token: body.token,
      request: (options) =>
        app.inject({
          ...options,
          headers: { ...options.headers, authorization: `Bearer ${body.token}` },
        }),
    };
  }

  const admin = await client('admin', ADMIN_PASSWORD);
  return {
    app,
    container,
    dataDir,
    logs,
    admin,
    login,
    async as(role, name) {
      counter += 1;
      const username = name ?? `${role}${counter}`;
      const created = await admin.request({
        method: 'POST',
        url: '/api/users',
        payload: { username, password: USER_PASSWORD, role },
      });
      if (created.statusCode !== 201) {
        throw new Error(`creating ${username} failed: ${created.body}`);
      }
      return client(username, USER_PASSWORD);
    },
    anonymous: (options) => app.inject(options),
    async close() {
      await app.close();
      await container.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Cookies of a response as a `cookie` header value (name=value; …). */
export function cookieHeader(response: LightMyRequestResponse): string {
  return response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
