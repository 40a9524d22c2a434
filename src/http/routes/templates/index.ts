/** /api/templates: NFO and DIZ templates (everyone reads, admins write) and their rendering. */
import type { Services } from '../../../services/registry.js';
import type { TemplatesService } from '../../../services/templates.service.js';
import { callerOf } from '../../plugins/auth.js';
import { commonErrors, idParams, paged, successBody } from '../../schemas.js';
import { routePlugin, type TypedApp } from '../../typed.js';
import {
  createBody,
  defaultQuery,
  listQuery,
  previewBody,
  renderBody,
  rendered,
  renderedTemplate,
  templateView,
  updateBody,
} from './schemas.js';

const tags = ['templates'];

function registerReads(r: TypedApp, templates: TemplatesService): void {
  r.get('/', {
    schema: {
      tags,
      summary: 'List templates',
      querystring: listQuery,
      response: { 200: paged(templateView), ...commonErrors },
    },
    handler: async (request) => {
      const { limit, offset, ...filter } = request.query;
      return {
        ...(await templates.list(callerOf(request), filter, { limit, offset })),
        limit,
        offset,
      };
    },
  });
  r.get('/default', {
    schema: {
      tags,
      summary: 'The default template of a kind and type (built-in when none is stored)',
      querystring: defaultQuery,
      response: { 200: templateView, ...commonErrors },
    },
    handler: async (request) =>
      templates.getDefault(callerOf(request), request.query.kind, request.query.releaseType),
  });
  r.get('/:id', {
    schema: {
      tags,
      summary: 'One template',
      params: idParams,
      response: { 200: templateView, ...commonErrors },
    },
    handler: async (request) => templates.get(callerOf(request), request.params.id),
  });
}

function registerRendering(r: TypedApp, templates: TemplatesService): void {
  r.post('/preview', {
    schema: {
      tags,
      summary: 'Render unsaved template text with sample or given data',
      body: previewBody,
      response: { 200: rendered, ...commonErrors },
    },
    handler: async (request) => templates.preview(callerOf(request), request.body),
  });
  r.post('/:id/render', {
    schema: {
      tags,
      summary: 'Render a template with given or sample data',
      params: idParams,
      body: renderBody,
      response: { 200: renderedTemplate, ...commonErrors },
    },
    handler: async (request) =>
      templates.render(callerOf(request), request.params.id, {
        data: request.body?.data ?? request.body?.variables,
      }),
  });
}

function registerWrites(r: TypedApp, templates: TemplatesService): void {
  r.post('/', {
    schema: {
      tags,
      summary: 'Create a template',
      body: createBody,
      response: { 201: templateView, ...commonErrors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await templates.create(callerOf(request), request.body)),
  });
  r.put('/:id', {
    schema: {
      tags,
      summary: 'Update a template',
      params: idParams,
      body: updateBody,
      response: { 200: templateView, ...commonErrors },
    },
    handler: async (request) =>
      templates.update(callerOf(request), request.params.id, request.body),
  });
  r.delete('/:id', {
    schema: {
      tags,
      summary: 'Delete a template (not the default one)',
      params: idParams,
      response: { 200: successBody, ...commonErrors },
    },
    handler: async (request) => {
      await templates.delete(callerOf(request), request.params.id);
      return { success: true as const };
    },
  });
}

export const templateRoutes = routePlugin<{ services: Services }>((r, { services }) => {
  registerReads(r, services.templates);
  registerRendering(r, services.templates);
  registerWrites(r, services.templates);
});
