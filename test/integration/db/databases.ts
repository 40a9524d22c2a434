/**
 * The dialect matrix for the data-layer suites (Kysely's DIALECTS idea): SQLite always, MariaDB
 * when TEST_MYSQL_URL is set, PostgreSQL when TEST_PG_URL is set. Each test file gets its own
 * freshly migrated database per dialect, so files can run in parallel:
 * - SQLite: a copy of a template file migrated once per migration set (keyed by a hash of the
 *   migration sources, written under a temporary name and renamed into place);
 * - MariaDB / PostgreSQL: `CREATE DATABASE sp_<random>`, migrated, dropped afterwards.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { createConnection } from 'mysql2/promise';
import pg from 'pg';
import { createDatabase, type SqlDatabase } from '../../../src/db/connect.js';
import type { DatabaseConfig } from '../../../src/db/connect.js';
import type { Repositories } from '../../../src/db/ports.js';
import { envOrSkip } from '../../support/tools.js';

interface TestDialect {
  name: DatabaseConfig['dialect'];
  /** Server URL; undefined when the dialect is skipped. SQLite needs none. */
  url: string | undefined;
}

export const DIALECTS: readonly TestDialect[] = [
  { name: 'sqlite', url: 'file' },
  { name: 'mysql', url: envOrSkip('TEST_MYSQL_URL') },
  { name: 'postgres', url: envOrSkip('TEST_PG_URL') },
];

interface TestDatabase {
  db: SqlDatabase;
  config: DatabaseConfig;
  /** Closes the connection and removes the database. */
  drop(): Promise<void>;
}

const SRC_DB = fileURLToPath(new URL('../../../src/db/', import.meta.url));

/** A new, migrated database of the dialect. */
async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  switch (dialect.name) {
    case 'sqlite':
      return sqliteCopy();
    case 'mysql':
      return serverDatabase(dialect, mysqlAdmin);
    case 'postgres':
      return serverDatabase(dialect, pgAdmin);
  }
}

/** An empty (unmigrated) database, for the migration tests. */
export async function createEmptyTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  switch (dialect.name) {
    case 'sqlite': {
      const dir = mkdtempSync(join(tmpdir(), 'sp-db-'));
      return sqliteAt(join(dir, 'empty.db'), dir);
    }
    case 'mysql':
      return serverDatabase(dialect, mysqlAdmin, false);
    case 'postgres':
      return serverDatabase(dialect, pgAdmin, false);
  }
}

/** Registers beforeAll/afterAll for a describe block; read `.db` / `.repos` inside tests. */
export function useTestDatabase(dialect: TestDialect): {
  readonly db: SqlDatabase;
  readonly repos: Repositories;
  readonly config: DatabaseConfig;
} {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await current?.drop();
  });
  const get = (): TestDatabase => {
    if (current === undefined) {
      throw new Error('the test database is not ready (use it inside a test)');
    }
    return current;
  };
  return {
    get db() {
      return get().db;
    },
    get repos() {
      return get().db.repos;
    },
    get config() {
      return get().config;
    },
  };
}

function sqliteAt(path: string, dir: string): TestDatabase {
  const config: DatabaseConfig = { dialect: 'sqlite', url: path };
  const db = createDatabase(config);
  return {
    db,
    config,
    drop: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function sqliteCopy(): Promise<TestDatabase> {
  const template = await sqliteTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'sp-db-'));
  const path = join(dir, 'test.db');
  copyFileSync(template, path);
  return sqliteAt(path, dir);
}

async function sqliteTemplate(): Promise<string> {
  const path = join(tmpdir(), `scenepacker-template-${migrationsHash()}.db`);
  if (existsSync(path)) {
    return path;
  }
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const db = createDatabase({ dialect: 'sqlite', url: partial });
  await db.migrateToLatest();
  await db.close();
  // Closing checkpoints the WAL into the file; renaming is atomic, so a reader sees all or nothing.
  renameSync(partial, path);
  return path;
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  const files = ['schema-builders.ts', 'migrator.ts'].map((f) => join(SRC_DB, f));
  const dir = join(SRC_DB, 'migrations');
  files.push(
    ...readdirSync(dir)
      .sort()
      .map((f) => join(dir, f)),
  );
  for (const file of files) {
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

interface Admin {
  create(name: string): Promise<void>;
  drop(name: string): Promise<void>;
}

async function serverDatabase(
  dialect: TestDialect,
  adminFor: (url: string) => Admin,
  migrate = true,
): Promise<TestDatabase> {
  const url = dialect.url;
  if (url === undefined) {
    throw new Error(`${dialect.name} is not configured`);
  }
  const name = `sp_${randomBytes(6).toString('hex')}`;
  const admin = adminFor(url);
  await admin.create(name);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const config: DatabaseConfig = { dialect: dialect.name, url: target.toString() };
  const db = createDatabase(config);
  if (migrate) {
    await db.migrateToLatest();
  }
  return {
    db,
    config,
    drop: async () => {
      await db.close();
      await admin.drop(name);
    },
  };
}

function mysqlAdmin(url: string): Admin {
  const run = async (statement: string): Promise<void> => {
    const connection = await createConnection(url);
    try {
      await connection.query(statement);
    } finally {
      await connection.end();
    }
  };
  return {
    // The server's default collation (case-insensitive) on purpose: the tables must not rely on it.
    create: (name) => run(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`),
    drop: (name) => run(`DROP DATABASE IF EXISTS \`${name}\``),
  };
}

function pgAdmin(url: string): Admin {
  const run = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return {
    create: (name) => run(`CREATE DATABASE "${name}"`),
    drop: (name) => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
