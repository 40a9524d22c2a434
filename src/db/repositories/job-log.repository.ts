import type { JobLog } from '../../domain/entities.js';
import { withDbErrors } from '../errors.js';
import type { JobLogRepository } from '../ports.js';
import type { Db } from './shared.js';

export function createJobLogRepository(db: Db): JobLogRepository {
  const repository: JobLogRepository = {
    async append(jobId, level, message, at) {
      await db
        .insertInto('jobLogs')
        .values({ jobId, level, message, createdAt: at.getTime() })
        .execute();
    },
    async list(jobId, options = {}) {
      let query = db.selectFrom('jobLogs').selectAll().where('jobId', '=', jobId);
      if (options.afterId !== undefined) {
        query = query.where('id', '>', options.afterId);
      }
      if (options.limit !== undefined) {
        query = query.limit(options.limit);
      }
      // The id is the insertion order; timestamps can tie or even step back with the clock.
      const rows = await query.orderBy('id', 'asc').execute();
      return rows.map((row): JobLog => ({
        id: row.id,
        jobId: row.jobId,
        level: row.level as JobLog['level'],
        message: row.message,
        createdAt: new Date(row.createdAt),
      }));
    },
  };
  return withDbErrors('job_logs', repository);
}
