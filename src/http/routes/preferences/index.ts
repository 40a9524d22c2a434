/** /api/preferences: user and global preferences with the user → global → default lookup. */
import { z } from 'zod';
import type { PreferencesService } from '../../../services/preferences.service.js';
import type { Services } from '../../../services/registry.js';
import { callerOf } from '../../plugins/auth.js';
import { commonErrors, jsonValue, successBody } from '../../schemas.js';
import { routePlugin, type TypedApp } from '../../typed.js';
import {
  createBody,
  effectivePreference,
  importBody,
  keyParams,
  listQuery,
  preference,
  scopeQuery,
  setBody,
} from './schemas.js';

const tags = ['preferences'];

function registerCollection(r: TypedApp, preferences: PreferencesService): void {
  r.get('/', {
    schema: {
      tags,
      summary: 'List preferences of a scope, or (effective=1) every key with its value and source',
      querystring: listQuery,
      response: {
        200: z.object({ items: z.array(z.union([preference, effectivePreference])) }),
        ...commonErrors,
      },
    },
    handler: async (request) => {
      const caller = callerOf(request);
      const effective = request.query.effective === '1' || request.query.effective === 'true';
      return {
        items: effective
          ? await preferences.effective(caller)
          : await preferences.list(caller, request.query.scope),
      };
    },
  });
  r.post('/', {
    schema: {
      tags,
      summary: 'Create or replace a preference',
      body: createBody,
      response: { 201: preference, ...commonErrors },
    },
    handler: async (request, reply) =>
      reply
        .code(201)
        .send(
          await preferences.set(
            callerOf(request),
            request.body.key,
            request.body.value,
            request.body.scope,
          ),
        ),
  });
}

function registerTransfer(r: TypedApp, preferences: PreferencesService): void {
  r.post('/export', {
    schema: {
      tags,
      summary: 'All preferences of a scope as { key: value }',
      querystring: scopeQuery,
      response: {
        200: z.object({ preferences: z.record(z.string(), jsonValue) }),
        ...commonErrors,
      },
    },
    handler: async (request) => ({
      preferences: await preferences.exportAll(callerOf(request), request.query.scope),
    }),
  });
  r.post('/import', {
    schema: {
      tags,
      summary: 'Upsert many preferences',
      body: importBody,
      response: { 200: z.object({ importedCount: z.number().int() }), ...commonErrors },
    },
    handler: async (request) => ({
      importedCount: await preferences.importAll(
        callerOf(request),
        request.body.preferences,
        request.body.scope,
      ),
    }),
  });
}

function registerKeys(r: TypedApp, preferences: PreferencesService): void {
  r.get('/:key', {
    schema: {
      tags,
      summary: 'The effective value of one key and where it comes from',
      params: keyParams,
      response: { 200: effectivePreference, ...commonErrors },
    },
    handler: async (request) => preferences.get(callerOf(request), request.params.key),
  });
  r.put('/:key', {
    schema: {
      tags,
      summary: 'Set one key',
      params: keyParams,
      body: setBody,
      response: { 200: preference, ...commonErrors },
    },
    handler: async (request) =>
      preferences.set(
        callerOf(request),
        request.params.key,
        request.body.value,
        request.body.scope,
      ),
  });
  r.delete('/:key', {
    schema: {
      tags,
      summary: 'Remove one key from a scope',
      params: keyParams,
      querystring: scopeQuery,
      response: { 200: successBody, ...commonErrors },
    },
    handler: async (request) => {
      await preferences.delete(callerOf(request), request.params.key, request.query.scope);
      return { success: true as const };
    },
  });
}

export const preferenceRoutes = routePlugin<{ services: Services }>((r, { services }) => {
  registerCollection(r, services.preferences);
  registerTransfer(r, services.preferences);
  registerKeys(r, services.preferences);
});
