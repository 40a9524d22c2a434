import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/db/migrator.js';
import { createEmptyTestDatabase, DIALECTS, useTestDatabase } from './databases.js';
import { snapshotSchema } from './schema-snapshot.js';

const NAMES = Object.keys(MIGRATIONS);

function fixture(dialect: string): string {
  return `../../fixtures/schema.${dialect}.json`;
}

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.url === undefined)(`migrations on ${dialect.name}`, () => {
    const t = useTestDatabase(dialect);

    it('builds the schema of the committed snapshot', async () => {
      const schema = await snapshotSchema(t.db.kysely, dialect.name);
      expect(Object.keys(schema.tables)).toHaveLength(15);
      await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot(
        fixture(dialect.name),
      );
    });

    it('reports every migration as applied', async () => {
      const status = await t.db.migrationStatus();
      expect(status.map((s) => s.name)).toEqual(NAMES);
      expect(status.every((s) => s.executedAt instanceof Date)).toBe(true);
      expect(await t.db.migrateToLatest()).toEqual([]);
    });

    it('runs every migration up, down and up again to the same schema', async () => {
      const empty = await createEmptyTestDatabase(dialect);
      try {
        const db = empty.db;
        expect((await db.migrationStatus()).map((s) => s.executedAt)).toEqual(
          NAMES.map(() => null),
        );
        expect(await db.migrateToLatest()).toEqual(NAMES);
        const reverted: (string | undefined)[] = [];
        for (let i = 0; i <= NAMES.length; i += 1) {
          reverted.push(await db.migrateDown());
        }
        expect(reverted).toEqual([...[...NAMES].reverse(), undefined]);
        expect(await db.kysely.withoutPlugins().introspection.getTables()).toEqual([]);
        expect(await db.migrateToLatest()).toEqual(NAMES);
        const schema = await snapshotSchema(db.kysely, dialect.name);
        await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot(
          fixture(dialect.name),
        );
      } finally {
        await empty.drop();
      }
    });
  });
}
