/** /api/dashboard/stats */
import { z } from 'zod';
import { JOB_STATUSES, RELEASE_TYPES, ROLES } from '../../../domain/enums.js';
import type { Services } from '../../../services/registry.js';
import { routePlugin } from '../../typed.js';
import { callerOf } from '../../plugins/auth.js';
import { commonErrors } from '../../schemas.js';

const counts = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.record(z.enum(keys), z.number().int());

const jobSummary = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(JOB_STATUSES),
  releaseType: z.enum(RELEASE_TYPES).nullable(),
  groupName: z.string().nullable(),
  releaseName: z.string().nullable(),
  progress: z.number(),
  createdAt: z.date(),
  completedAt: z.date().nullable(),
});
const activity = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  createdAt: z.date(),
});

const statsReply = z
  .object({
    users: z.object({ total: z.number().int(), byRole: counts(ROLES) }),
    jobs: z.object({ total: z.number().int(), byStatus: counts(JOB_STATUSES) }),
    releases: z.object({ total: z.number().int(), byType: counts(RELEASE_TYPES) }),
    bytesPacked: z.number(),
    recentJobs: z.array(jobSummary),
    recentActivity: z.array(activity),
  })
  .meta({ id: 'DashboardStats' });

export const dashboardRoutes = routePlugin<{ services: Services }>((r, { services }) => {
  r.get('/stats', {
    schema: {
      tags: ['dashboard'],
      summary: 'Counts and recent activity',
      response: { 200: statsReply, ...commonErrors },
    },
    handler: async (request) => services.dashboard.stats(callerOf(request)),
  });
});
