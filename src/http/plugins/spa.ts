/**
 * Serves the built web app (dist/web) and answers unknown non-API GETs with index.html so the
 * client-side router can take them. API paths keep the JSON 404.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import staticFiles from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../shared/errors.js';
import { sendError } from './errors.js';

function isApi(url: string): boolean {
  return url.startsWith('/api/') || url === '/api' || url === '/health';
}

export const spaPlugin = fp(
  async (app: FastifyInstance, options: { webDir: string | undefined }) => {
    const webDir = options.webDir;
    const hasSpa = webDir !== undefined && existsSync(join(webDir, 'index.html'));
    if (hasSpa) {
      await app.register(staticFiles, {
        root: webDir,
        wildcard: false,
        index: false,
        maxAge: '1h',
        immutable: false,
      });
    }
    app.setNotFoundHandler((request, reply) => {
      if (hasSpa && request.method === 'GET' && !isApi(request.url)) {
        return reply.header('cache-control', 'no-store').sendFile('index.html');
      }
      return sendError(
        reply,
        new AppError(
          'route.not_found',
          `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
        ),
      );
    });
  },
  { name: 'spa' },
);
