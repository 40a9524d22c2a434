import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseConfig } from '../../../src/db/connect.js';
import { buildUser } from '../../factories/index.js';
import { DIALECTS, useTestDatabase } from './databases.js';

const UNAVAILABLE = { code: 'db.unavailable', retryable: true };

describe('SQLite connection', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sp-connect-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the parent directory and sets WAL, foreign keys and a busy timeout', async () => {
    const path = join(dir, 'nested', 'deeper', 'app.db');
    const db = createDatabase({ dialect: 'sqlite', url: path });
    try {
      expect(db.dialect).toBe('sqlite');
      expect(await db.ping()).toBe(true);
      expect(existsSync(path)).toBe(true);
      const pragma = async (name: string) =>
        (await sql.raw(`pragma ${name}`).execute(db.kysely)).rows[0];
      expect(await pragma('journal_mode')).toEqual({ journalMode: 'wal' });
      expect(await pragma('foreign_keys')).toEqual({ foreignKeys: 1 });
      expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 });
    } finally {
      await db.close();
    }
  });

  it('works in memory', async () => {
    const db = createDatabase({ dialect: 'sqlite', url: ':memory:' });
    try {
      expect(await db.migrateToLatest()).toHaveLength(4);
      const user = buildUser();
      await db.repos.users.create(user);
      expect(await db.repos.users.findById(user.id)).toEqual(user);
    } finally {
      await db.close();
    }
  });

  it('reports db.unavailable and ping false when the file cannot be opened', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const db = createDatabase({ dialect: 'sqlite', url: join(blocker, 'sub', 'app.db') });
    try {
      expect(await db.ping()).toBe(false);
      await expect(db.repos.users.findById('x')).rejects.toMatchObject(UNAVAILABLE);
      await expect(db.migrateToLatest()).rejects.toMatchObject(UNAVAILABLE);
    } finally {
      await db.close();
    }
  });

  it('answers ping false once closed', async () => {
    const db = createDatabase({ dialect: 'sqlite', url: join(dir, 'closed.db') });
    expect(await db.ping()).toBe(true);
    await db.close();
    expect(await db.ping()).toBe(false);
    await expect(db.repos.users.findById('x')).rejects.toMatchObject(UNAVAILABLE);
  });
});

for (const dialect of DIALECTS.filter((d) => d.name !== 'sqlite')) {
  describe.skipIf(dialect.url === undefined)(`${dialect.name} connection`, () => {
    const t = useTestDatabase(dialect);

    it('answers ping and reports db.unavailable for a server that is down', async () => {
      expect(await t.db.ping()).toBe(true);
      const down = new URL(t.config.url);
      down.port = '1';
      const config: DatabaseConfig = { dialect: dialect.name, url: down.toString() };
      const db = createDatabase(config);
      try {
        expect(await db.ping()).toBe(false);
        await expect(db.repos.users.findById('x')).rejects.toMatchObject(UNAVAILABLE);
        await expect(db.repos.jobs.claimNext('w', new Date(), new Date())).rejects.toMatchObject(
          UNAVAILABLE,
        );
        await expect(db.transaction(() => Promise.resolve())).rejects.toMatchObject(UNAVAILABLE);
        await expect(db.migrateToLatest()).rejects.toMatchObject(UNAVAILABLE);
      } finally {
        await db.close();
      }
    });

    it('answers ping false once closed', async () => {
      const db = createDatabase(t.config);
      expect(await db.ping()).toBe(true);
      await db.close();
      expect(await db.ping()).toBe(false);
    });

    if (dialect.name === 'mysql') {
      it('uses strict mode and a binary utf8mb4 collation on every connection', async () => {
        const { rows } = await sql<{ mode: string; collation: string }>`
          select @@session.sql_mode as mode, @@collation_connection as collation`.execute(
          t.db.kysely,
        );
        expect(rows[0]?.mode).toContain('STRICT_ALL_TABLES');
        expect(rows[0]?.collation).toBe('utf8mb4_bin');
      });
    }

    if (dialect.name === 'postgres') {
      it('parses int8 as a number on its own pool, leaving the global parser alone', async () => {
        const { rows } = await sql<{ n: unknown }>`select 9007199254740991::int8 as n`.execute(
          t.db.kysely,
        );
        expect(rows[0]?.n).toBe(Number.MAX_SAFE_INTEGER);
        const globalParser = pg.types.getTypeParser(pg.types.builtins.INT8) as (
          v: string,
        ) => unknown;
        expect(globalParser('42')).toBe('42');
      });
    }
  });
}
