/** /health: 200 when the database answers, 503 otherwise. Public. */
import { z } from 'zod';
import type { Services } from '../../../services/registry.js';
import { routePlugin } from '../../typed.js';

const healthReply = z
  .object({
    status: z.enum(['healthy', 'unhealthy']),
    version: z.string(),
    database: z.enum(['connected', 'disconnected']),
    dialect: z.string(),
    jobDriver: z.string(),
  })
  .meta({ id: 'Health' });

export const healthRoutes = routePlugin<{ services: Services }>((r, { services }) => {
  r.get('/health', {
    config: { public: true },
    schema: {
      tags: ['health'],
      summary: 'Liveness and database reachability',
      response: { 200: healthReply, 503: healthReply },
    },
    handler: async (_request, reply) => {
      const health = await services.health.check();
      return reply.code(health.status === 'healthy' ? 200 : 503).send(health);
    },
  });
});
