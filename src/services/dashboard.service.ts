/** The dashboard's numbers: users, jobs by status, releases by type, bytes packed, recent activity. */
import type { AuditEntry, Job } from '../domain/entities.js';
import type { JobStatus, ReleaseType, Role } from '../domain/enums.js';
import { seesAll } from '../domain/policy.js';
import type { Database } from '../db/ports.js';
import { assertCan, type Caller } from './context.js';

export interface DashboardStats {
  users: { total: number; byRole: Record<Role, number> };
  jobs: { total: number; byStatus: Record<JobStatus, number> };
  releases: { total: number; byType: Record<ReleaseType, number> };
  bytesPacked: number;
  recentJobs: Job[];
  recentActivity: (AuditEntry & { username: string | null })[];
}

const sum = (values: Record<string, number>): number =>
  Object.values(values).reduce((a, b) => a + b, 0);

export class DashboardService {
  constructor(private readonly deps: { db: Database }) {}

  async stats(caller: Caller): Promise<DashboardStats> {
    const { repos } = this.deps.db;
    assertCan(caller, 'dashboard.read');
    const mine = seesAll(caller.actor, 'jobs.read') ? undefined : caller.actor.id;
    const auditFilter = caller.actor.role === 'admin' ? {} : { userId: caller.actor.id };
    const [byRole, byStatus, byType, bytesPacked, recentJobs, recentActivity] = await Promise.all([
      repos.users.countByRole(),
      repos.jobs.countByStatus(),
      repos.releases.countByType(),
      repos.releases.totalBytes(),
      repos.jobs.list({ userId: mine }, { limit: 5, offset: 0 }),
      repos.audit.list(auditFilter, { limit: 10, offset: 0 }),
    ]);
    return {
      users: { total: sum(byRole), byRole },
      jobs: { total: sum(byStatus), byStatus },
      releases: { total: sum(byType), byType },
      bytesPacked,
      recentJobs: recentJobs.items,
      recentActivity: await this.withUsernames(recentActivity.items),
    };
  }

  /** Who did it, by name (a deleted user's entries keep their id and show no name). */
  private async withUsernames(
    entries: AuditEntry[],
  ): Promise<(AuditEntry & { username: string | null })[]> {
    const ids = [
      ...new Set(entries.map((entry) => entry.userId).filter((id): id is string => id !== null)),
    ];
    const users = await Promise.all(ids.map((id) => this.deps.db.repos.users.findById(id)));
    const names = new Map(
      users.filter((user) => user !== undefined).map((user) => [user.id, user.username]),
    );
    return entries.map((entry) => ({
      ...entry,
      username: entry.userId === null ? null : (names.get(entry.userId) ?? null),
    }));
  }
}
