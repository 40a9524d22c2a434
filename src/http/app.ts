/**
 * `buildApp(deps)`: the whole HTTP API and the web app as one Fastify instance. It never listens
 * (main does); tests call `app.inject()`.
 */
import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../services/registry.js';
import { AppError } from '../shared/errors.js';
import { authPlugin } from './plugins/auth.js';
import { errorsPlugin } from './plugins/errors.js';
import { openapiPlugin } from './plugins/openapi.js';
import { spaPlugin } from './plugins/spa.js';
import { apiConfigRoutes } from './routes/api-configs/index.js';
import { authRoutes } from './routes/auth/index.js';
import { dashboardRoutes } from './routes/dashboard/index.js';
import { destinationRoutes } from './routes/destinations/index.js';
import { healthRoutes } from './routes/health/index.js';
import { jobRoutes } from './routes/jobs/index.js';
import { metadataRoutes } from './routes/metadata/index.js';
import { pathRoutes } from './routes/paths/index.js';
import { preferenceRoutes } from './routes/preferences/index.js';
import { templateRoutes } from './routes/templates/index.js';
import { userRoutes } from './routes/users/index.js';

export interface AppDeps {
  services: Services;
  version: string;
  logger?: FastifyBaseLogger;
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    cookieSecure: boolean;
    apiTokenPrefix: string;
    loginRatePerMinute: number;
  };
  trustProxy?: boolean;
  /** JSON body limit; uploads have their own. */
  bodyLimit?: number;
  /** Largest file upload (multipart), in bytes. */
  maxUploadBytes?: number;
  /** The built SPA (dist/web); omitted in API-only tests. */
  webDir?: string;
}

async function registerRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const services = { services: deps.services };
  await app.register(healthRoutes, services);
  await app.register(authRoutes, { prefix: '/api/auth', ...services, ...deps.auth });
  await app.register(userRoutes, { prefix: '/api/users', ...services });
  await app.register(preferenceRoutes, { prefix: '/api/preferences', ...services });
  await app.register(pathRoutes, { prefix: '/api/paths', ...services });
  await app.register(templateRoutes, { prefix: '/api/templates', ...services });
  await app.register(destinationRoutes, { prefix: '/api/destinations', ...services });
  await app.register(apiConfigRoutes, { prefix: '/api/config/apis', ...services });
  await app.register(dashboardRoutes, { prefix: '/api/dashboard', ...services });
  await app.register(jobRoutes, { prefix: '/api/jobs', ...services });
  await app.register(metadataRoutes, { prefix: '/api/metadata', ...services });
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    trustProxy: deps.trustProxy ?? false,
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  // A route without query parameters still refuses unknown ones, like bodies refuse unknown fields.
  app.addHook('onRoute', (route) => {
    if (
      route.url.startsWith('/api/') &&
      route.schema !== undefined &&
      route.schema.querystring === undefined
    ) {
      route.schema.querystring = z.strictObject({});
    }
  });
  await app.register(errorsPlugin);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // Only ask browsers to upgrade to HTTPS when the app is served over HTTPS.
        'upgrade-insecure-requests': deps.auth.cookieSecure ? [] : null,
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
      },
    },
  });
  await app.register(multipart, {
    limits: { fileSize: deps.maxUploadBytes ?? 8 * 1024 ** 3, files: 1, fields: 10 },
    throwFileSizeLimit: true,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'auth.rate_limited',
        `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} s`,
        {
          details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
        },
      ),
  });
  await app.register(authPlugin, {
    auth: deps.services.auth,
    apiTokens: deps.services.apiTokens,
    ...deps.auth,
  });
  // After auth: the API description is for signed-in users (every /api route but login/health needs a caller).
  await app.register(openapiPlugin, { version: deps.version });

  await registerRoutes(app, deps);
  await app.register(spaPlugin, { webDir: deps.webDir });
  return app;
}
