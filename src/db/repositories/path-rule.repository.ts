import type { PathRule } from '../../domain/entities.js';
import type { ReleaseType, Scope } from '../../domain/enums.js';
import { createCodec } from '../codec.js';
import { dialectOf } from '../dialect.js';
import { withDbErrors } from '../errors.js';
import type { PathRuleRepository } from '../ports.js';
import type { PathRulesTable } from '../tables.js';
import { deleteById, ownerKey, type Db } from './shared.js';

const codec = createCodec<PathRule, PathRulesTable, 'ownerKey'>(
  { createdAt: 'date', updatedAt: 'date' },
  ['ownerKey'],
);

interface PathRuleFilter {
  userId?: string | null;
  scope?: Scope;
  groupName?: string;
}

function filtered(db: Db, filter: PathRuleFilter) {
  let query = db.selectFrom('pathRules').selectAll();
  if (filter.userId !== undefined) {
    // A user sees their own rules and the global ones; null asks for the global ones only.
    query = query.where('ownerKey', 'in', [...new Set([ownerKey(filter.userId), ''])]);
  }
  if (filter.scope !== undefined) {
    query = query.where('scope', '=', filter.scope);
  }
  if (filter.groupName !== undefined) {
    query = query.where('groupName', '=', filter.groupName);
  }
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc');
}

async function find(
  db: Db,
  scope: Scope,
  userId: string | null,
  groupName: string,
  releaseType: ReleaseType,
) {
  const row = await db
    .selectFrom('pathRules')
    .selectAll()
    .where('scope', '=', scope)
    .where('ownerKey', '=', ownerKey(userId))
    .where('groupName', '=', groupName)
    .where('releaseType', '=', releaseType)
    .executeTakeFirst();
  return row && codec.decode(row);
}

/** Insert, or on the same (scope, owner, group, type) replace the directories. */
async function upsert(db: Db, rule: PathRule): Promise<PathRule> {
  const row = { ...codec.encode(rule), ownerKey: ownerKey(rule.userId) };
  const changes = { outputDir: row.outputDir, inputDir: row.inputDir, updatedAt: row.updatedAt };
  const insert = db.insertInto('pathRules').values(row);
  await (
    dialectOf(db) === 'mysql'
      ? insert.onDuplicateKeyUpdate(changes)
      : insert.onConflict((oc) =>
          oc.columns(['scope', 'ownerKey', 'groupName', 'releaseType']).doUpdateSet(changes),
        )
  ).execute();
  return (await find(db, rule.scope, rule.userId, rule.groupName, rule.releaseType)) ?? rule;
}

export function createPathRuleRepository(db: Db): PathRuleRepository {
  return withDbErrors('path_rules', {
    find: (scope, userId, groupName, releaseType) =>
      find(db, scope, userId, groupName, releaseType),
    async findById(id) {
      const row = await db
        .selectFrom('pathRules')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && codec.decode(row);
    },
    list: async (filter) => (await filtered(db, filter).execute()).map(codec.decode),
    upsert: (rule) => upsert(db, rule),
    delete: (id) => deleteById(db, 'pathRules', id),
  } satisfies PathRuleRepository);
}
