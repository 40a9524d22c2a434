/** /api/paths: output (and input) directories per group × release type. */
import { z } from 'zod';
import { SCOPES } from '../../../domain/enums.js';
import type { PathsService } from '../../../services/paths.service.js';
import type { Services } from '../../../services/registry.js';
import { routePlugin, type TypedApp } from '../../typed.js';
import type { PathRule } from '../../../domain/entities.js';
import { callerOf } from '../../plugins/auth.js';
import { commonErrors, groupName, idParams, releaseType, successBody } from '../../schemas.js';

const pathRule = z
  .object({
    id: z.string(),
    scope: z.enum(SCOPES),
    userId: z.string().nullable(),
    groupName: z.string(),
    releaseType,
    outputDir: z.string(),
    inputDir: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'PathRule' });
const resolved = z.object({
  groupName: z.string(),
  releaseType,
  outputDir: z.string(),
  inputDir: z.string().nullable(),
  source: z.enum(['user', 'global', 'default']),
});
const groupEntry = z.object({
  outputDir: z.string(),
  inputDir: z.string().nullable(),
  scope: z.string(),
});
const ruleParams = z.strictObject({ group: groupName, type: releaseType });
const ruleBody = z.strictObject({
  outputDir: z.string().min(1).max(500),
  inputDir: z.string().min(1).max(500).nullable().optional(),
  scope: z.enum(SCOPES).optional(),
});

function byGroup(
  rules: PathRule[],
): Record<string, Record<string, { outputDir: string; inputDir: string | null; scope: string }>> {
  const groups: Record<
    string,
    Record<string, { outputDir: string; inputDir: string | null; scope: string }>
  > = {};
  for (const rule of rules) {
    groups[rule.groupName] ??= {};
    const group = groups[rule.groupName] ?? {};
    if (group[rule.releaseType]?.scope !== 'user') {
      group[rule.releaseType] = {
        outputDir: rule.outputDir,
        inputDir: rule.inputDir,
        scope: rule.scope,
      };
    }
  }
  return groups;
}

const tags = ['paths'];

function registerReads(r: TypedApp, paths: PathsService): void {
  r.get('/', {
    schema: {
      tags,
      summary: 'Path rules you can see (yours and the global ones)',
      response: { 200: z.object({ items: z.array(pathRule) }), ...commonErrors },
    },
    handler: async (request) => ({ items: await paths.list(callerOf(request)) }),
  });
  r.get('/groups', {
    schema: {
      tags,
      summary: 'Path rules grouped by group and type',
      response: {
        200: z.object({ groups: z.record(z.string(), z.record(z.string(), groupEntry)) }),
        ...commonErrors,
      },
    },
    handler: async (request) => ({ groups: byGroup(await paths.list(callerOf(request))) }),
  });
  r.get('/:group/:type', {
    schema: {
      tags,
      summary: 'Where releases of this group and type go for you (user → global → default)',
      params: ruleParams,
      response: { 200: resolved, ...commonErrors },
    },
    handler: async (request) =>
      paths.resolve(callerOf(request).actor.id, request.params.group, request.params.type),
  });
}

function registerWrites(r: TypedApp, paths: PathsService): void {
  for (const method of ['PUT', 'POST'] as const) {
    r.route({
      method,
      url: '/:group/:type',
      schema: {
        tags,
        summary: 'Set the directories of a group and type',
        params: ruleParams,
        body: ruleBody,
        response: { 200: pathRule, ...commonErrors },
      },
      handler: async (request) =>
        paths.set(callerOf(request), request.params.group, request.params.type, request.body),
    });
  }
  r.delete('/:id', {
    schema: {
      tags,
      summary: 'Delete a path rule',
      params: idParams,
      response: { 200: successBody, ...commonErrors },
    },
    handler: async (request) => {
      await paths.delete(callerOf(request), request.params.id);
      return { success: true as const };
    },
  });
}

export const pathRoutes = routePlugin<{ services: Services }>((r, { services }) => {
  registerReads(r, services.paths);
  registerWrites(r, services.paths);
});
