import type { Job } from '../../domain/entities.js';
import { JOB_STATUSES, type JobStatus } from '../../domain/enums.js';
import { createCodec } from '../codec.js';
import { dialectOf } from '../dialect.js';
import { withDbErrors } from '../errors.js';
import type { JobListFilter, JobRepository } from '../ports.js';
import type { ExpressionBuilder } from 'kysely';
import type { DB, JobsTable } from '../tables.js';
import {
  affected,
  countsFor,
  deleteById,
  pageOf,
  updateById,
  type Count,
  type Db,
} from './shared.js';

const codec = createCodec<Job, JobsTable>({
  payload: 'json',
  result: 'json',
  cancelRequested: 'flag',
  runAfter: 'date',
  lockedUntil: 'date',
  createdAt: 'date',
  updatedAt: 'date',
  startedAt: 'date',
  completedAt: 'date',
});

interface Claim {
  workerId: string;
  now: number;
  leaseUntil: number;
  names: string[] | undefined;
}

function filtered(db: Db, filter: JobListFilter) {
  let query = db.selectFrom('jobs');
  if (filter.userId !== undefined) {
    query = query.where('userId', '=', filter.userId);
  }
  if (filter.status !== undefined) {
    query = query.where('status', '=', filter.status);
  }
  if (filter.releaseType !== undefined) {
    query = query.where('releaseType', '=', filter.releaseType);
  }
  if (filter.name !== undefined) {
    query = query.where('name', '=', filter.name);
  }
  return query;
}

async function findById(db: Db, id: string) {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && codec.decode(row);
}

async function countByStatus(db: Db): Promise<Record<JobStatus, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select((eb) => ['status as key', eb.fn.countAll<Count>().as('count')])
    .groupBy('status')
    .execute();
  return countsFor(JOB_STATUSES, rows);
}

async function claimNext(
  db: Db,
  workerId: string,
  now: Date,
  leaseUntil: Date,
  names: string[] | undefined,
): Promise<Job | undefined> {
  if (names?.length === 0) {
    return undefined;
  }
  const claim = { workerId, now: now.getTime(), leaseUntil: leaseUntil.getTime(), names };
  const row = await (dialectOf(db) === 'sqlite'
    ? claimInOneStatement(db, claim)
    : claimWithSkipLocked(db, claim));
  return row && codec.decode(row);
}

async function renewLease(db: Db, id: string, workerId: string, leaseUntil: Date) {
  const result = await db
    .updateTable('jobs')
    .set({ lockedUntil: leaseUntil.getTime() })
    .where('id', '=', id)
    .where('lockedBy', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return affected(result) > 0;
}

export function createJobRepository(db: Db): JobRepository {
  return withDbErrors('jobs', {
    async create(job) {
      await db.insertInto('jobs').values(codec.encode(job)).execute();
      return (await findById(db, job.id)) ?? job;
    },
    findById: (id) => findById(db, id),
    list: (filter, page) => pageOf(filtered(db, filter), page, codec.decode),
    async update(id, patch) {
      await updateById(db, 'jobs', id, codec.encodePatch(patch));
      return findById(db, id);
    },
    delete: (id) => deleteById(db, 'jobs', id),
    claimNext: (workerId, now, leaseUntil, names) =>
      claimNext(db, workerId, now, leaseUntil, names),
    renewLease: (id, workerId, leaseUntil) => renewLease(db, id, workerId, leaseUntil),
    countByStatus: () => countByStatus(db),
  } satisfies JobRepository);
}

/** Pending jobs that are due, and running jobs whose lease ran out; oldest due first. */
function runnable(conn: Db, claim: Claim) {
  let query = conn
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('runAfter', '<=', claim.now)]),
        eb.and([eb('status', '=', 'running'), eb('lockedUntil', '<', claim.now)]),
      ]),
    );
  if (claim.names !== undefined) {
    query = query.where('name', 'in', claim.names);
  }
  return query.orderBy('runAfter', 'asc').orderBy('createdAt', 'asc').orderBy('id', 'asc').limit(1);
}

/** The lease: running, held by the worker until `leaseUntil`, one more attempt. */
function lease(claim: Claim) {
  return (eb: ExpressionBuilder<DB, 'jobs'>) => ({
    status: 'running',
    lockedBy: claim.workerId,
    lockedUntil: claim.leaseUntil,
    updatedAt: claim.now,
    attempts: eb('attempts', '+', 1),
    // The first start stays; a retry or a reclaimed lease does not move it.
    startedAt: eb.fn.coalesce('startedAt', eb.val(claim.now)),
  });
}

/**
 * SQLite: one `UPDATE … WHERE id = (SELECT …) RETURNING *`. A writing statement takes SQLite's
 * single write lock before it reads, so the pick and the lease are one atomic step — the same
 * guarantee as an immediate transaction, across processes too (they wait on `busy_timeout`).
 */
async function claimInOneStatement(db: Db, claim: Claim) {
  return db
    .updateTable('jobs')
    .set(lease(claim))
    .where('id', '=', runnable(db, claim))
    .returningAll()
    .executeTakeFirst();
}

/**
 * PostgreSQL and MariaDB 10.6+ / MySQL 8: lock the chosen row with `FOR UPDATE SKIP LOCKED`
 * inside a transaction, so concurrent claimers each skip the rows the others hold. MySQL has
 * no `UPDATE … RETURNING`, hence select, update, read back.
 */
async function claimWithSkipLocked(db: Db, claim: Claim) {
  const inTransaction = async (trx: Db) => {
    const picked = await runnable(trx, claim).forUpdate().skipLocked().executeTakeFirst();
    if (picked === undefined) {
      return undefined;
    }
    await trx.updateTable('jobs').set(lease(claim)).where('id', '=', picked.id).execute();
    return trx.selectFrom('jobs').selectAll().where('id', '=', picked.id).executeTakeFirst();
  };
  return db.isTransaction ? inTransaction(db) : db.transaction().execute(inTransaction);
}
