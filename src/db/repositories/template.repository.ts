import type { Template } from '../../domain/entities.js';
import type { ReleaseType, TemplateKind } from '../../domain/enums.js';
import { createCodec } from '../codec.js';
import { withDbErrors } from '../errors.js';
import type { TemplateRepository } from '../ports.js';
import type { TemplatesTable } from '../tables.js';
import { deleteById, pageOf, updateById, type Db } from './shared.js';

const codec = createCodec<Template, TemplatesTable>({
  isDefault: 'flag',
  createdAt: 'date',
  updatedAt: 'date',
});

interface TemplateFilter {
  kind?: TemplateKind;
  releaseType?: ReleaseType;
}

function filtered(db: Db, filter: TemplateFilter) {
  let query = db.selectFrom('templates');
  if (filter.kind !== undefined) {
    query = query.where('kind', '=', filter.kind);
  }
  if (filter.releaseType !== undefined) {
    query = query.where('releaseType', '=', filter.releaseType);
  }
  return query;
}

async function findById(db: Db, id: string) {
  const row = await db.selectFrom('templates').selectAll().where('id', '=', id).executeTakeFirst();
  return row && codec.decode(row);
}

async function findDefault(db: Db, kind: TemplateKind, releaseType: ReleaseType) {
  // One default per kind and type is the service's rule; the newest wins if it was ever broken.
  const row = await filtered(db, { kind, releaseType })
    .selectAll()
    .where('isDefault', '=', 1)
    .orderBy('updatedAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row && codec.decode(row);
}

export function createTemplateRepository(db: Db): TemplateRepository {
  return withDbErrors('templates', {
    async create(template) {
      await db.insertInto('templates').values(codec.encode(template)).execute();
      return (await findById(db, template.id)) ?? template;
    },
    findById: (id) => findById(db, id),
    findDefault: (kind, releaseType) => findDefault(db, kind, releaseType),
    list: (filter, page) => pageOf(filtered(db, filter), page, codec.decode),
    async update(id, patch) {
      await updateById(db, 'templates', id, codec.encodePatch(patch));
      return findById(db, id);
    },
    async clearDefault(kind, releaseType, exceptId) {
      await db
        .updateTable('templates')
        .set({ isDefault: 0 })
        .where('kind', '=', kind)
        .where('releaseType', '=', releaseType)
        .where('id', '!=', exceptId)
        .where('isDefault', '=', 1)
        .execute();
    },
    delete: (id) => deleteById(db, 'templates', id),
  } satisfies TemplateRepository);
}
