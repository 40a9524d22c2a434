import type { AuditEntry } from '../../domain/entities.js';
import { createCodec } from '../codec.js';
import { withDbErrors } from '../errors.js';
import type { AuditRepository } from '../ports.js';
import type { AuditLogTable } from '../tables.js';
import { pageOf, type Db } from './shared.js';

const codec = createCodec<AuditEntry, AuditLogTable>({ details: 'json', createdAt: 'date' });

interface AuditFilter {
  userId?: string;
  resourceType?: string;
  action?: string;
}

function filtered(db: Db, filter: AuditFilter) {
  let query = db.selectFrom('auditLog');
  if (filter.userId !== undefined) {
    query = query.where('userId', '=', filter.userId);
  }
  if (filter.resourceType !== undefined) {
    query = query.where('resourceType', '=', filter.resourceType);
  }
  if (filter.action !== undefined) {
    query = query.where('action', '=', filter.action);
  }
  return query;
}

export function createAuditRepository(db: Db): AuditRepository {
  return withDbErrors('audit_log', {
    async append(entry) {
      await db.insertInto('auditLog').values(codec.encode(entry)).execute();
    },
    list: (filter, page) => pageOf(filtered(db, filter), page, codec.decode),
  } satisfies AuditRepository);
}
