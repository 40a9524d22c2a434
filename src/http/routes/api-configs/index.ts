/** /api/config/apis: metadata provider keys and settings, per user or global; keys masked. */
import { z } from 'zod';
import { API_PROVIDERS, SCOPES } from '../../../domain/enums.js';
import type { ApiConfigsService } from '../../../services/api-configs.service.js';
import type { Services } from '../../../services/registry.js';
import { routePlugin, type TypedApp } from '../../typed.js';
import { providerTest } from '../metadata/schemas.js';
import { callerOf } from '../../plugins/auth.js';
import { commonErrors, successBody } from '../../schemas.js';

const provider = z.enum(API_PROVIDERS);
const scope = z.enum(SCOPES);
const secret = z.string().max(4096).nullable().optional();
const settings = {
  apiKey: secret,
  pin: secret,
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  enabled: z.boolean().optional(),
};
const createBody = z.strictObject({ provider, scope: scope.default('user'), ...settings });
const updateBody = z.strictObject({ scope: scope.default('user'), ...settings });
const nameParams = z.strictObject({ name: provider });
const deleteQuery = z.strictObject({ scope: scope.default('user'), userId: z.uuid().optional() });
const getQuery = z.strictObject({ scope: scope.optional() });

const apiConfigView = z
  .object({
    id: z.string(),
    scope,
    userId: z.string().nullable(),
    provider,
    apiKey: z.string().nullable(),
    pin: z.string().nullable(),
    baseUrl: z.string().nullable(),
    enabled: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'ApiConfig' });

const tags = ['api-configs'];

function registerReads(r: TypedApp, apiConfigs: ApiConfigsService): void {
  r.get('/', {
    schema: {
      tags,
      summary: 'Provider configurations you can see (yours and the global ones)',
      response: { 200: z.object({ items: z.array(apiConfigView) }), ...commonErrors },
    },
    handler: async (request) => ({ items: await apiConfigs.list(callerOf(request)) }),
  });
  r.get('/:name', {
    schema: {
      tags,
      summary: 'The configuration that applies to you (yours, else the global one)',
      params: nameParams,
      querystring: getQuery,
      response: { 200: apiConfigView, ...commonErrors },
    },
    handler: async (request) =>
      apiConfigs.get(callerOf(request), request.params.name, request.query.scope),
  });
}

function registerWrites(r: TypedApp, apiConfigs: ApiConfigsService): void {
  r.post('/', {
    schema: {
      tags,
      summary: 'Configure a provider (user scope, or global for admins)',
      body: createBody,
      response: { 201: apiConfigView, ...commonErrors },
    },
    handler: async (request, reply) => {
      const { provider: name, scope: where, ...input } = request.body;
      return reply.code(201).send(await apiConfigs.create(callerOf(request), name, where, input));
    },
  });
  r.put('/:name', {
    schema: {
      tags,
      summary: 'Update a provider configuration (send ******** to keep the stored key)',
      params: nameParams,
      body: updateBody,
      response: { 200: apiConfigView, ...commonErrors },
    },
    handler: async (request) => {
      const { scope: where, ...input } = request.body;
      return apiConfigs.update(callerOf(request), request.params.name, where, input);
    },
  });
  r.delete('/:name', {
    schema: {
      tags,
      summary: 'Delete a provider configuration (admins)',
      params: nameParams,
      querystring: deleteQuery,
      response: { 200: successBody, ...commonErrors },
    },
    handler: async (request) => {
      await apiConfigs.delete(callerOf(request), request.params.name, request.query);
      return { success: true as const };
    },
  });
}

function registerTest(r: TypedApp, services: Services): void {
  r.post('/:name/test', {
    schema: {
      tags,
      summary: 'A real call with your effective settings (TheTVDB: login; others: a known lookup)',
      params: nameParams,
      response: { 200: providerTest, ...commonErrors },
    },
    handler: async (request) =>
      services.metadata.testProvider(callerOf(request), request.params.name),
  });
}

export const apiConfigRoutes = routePlugin<{ services: Services }>((r, { services }) => {
  registerReads(r, services.apiConfigs);
  registerWrites(r, services.apiConfigs);
  registerTest(r, services);
});
