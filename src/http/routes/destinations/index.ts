/** /api/destinations: FTP/FTPS/SFTP destinations, owner or admin; secrets masked. */
import type { DestinationsService } from '../../../services/destinations.service.js';
import type { Services } from '../../../services/registry.js';
import { callerOf } from '../../plugins/auth.js';
import { commonErrors, idParams, paged, successBody } from '../../schemas.js';
import { routePlugin, type TypedApp } from '../../typed.js';
import {
  destinationBody,
  destinationPatch,
  destinationView,
  listQuery,
  testResult,
} from './schemas.js';

const tags = ['destinations'];

function registerReads(r: TypedApp, destinations: DestinationsService): void {
  r.get('/', {
    schema: {
      tags,
      summary: 'Your destinations (admins: everyone’s, or one user’s with userId)',
      querystring: listQuery,
      response: { 200: paged(destinationView), ...commonErrors },
    },
    handler: async (request) => {
      const { limit, offset, group, userId } = request.query;
      return {
        ...(await destinations.list(
          callerOf(request),
          { groupName: group, userId },
          { limit, offset },
        )),
        limit,
        offset,
      };
    },
  });
  r.get('/:id', {
    schema: {
      tags,
      summary: 'One destination',
      params: idParams,
      response: { 200: destinationView, ...commonErrors },
    },
    handler: async (request) => destinations.get(callerOf(request), request.params.id),
  });
}

function registerWrites(r: TypedApp, destinations: DestinationsService): void {
  r.post('/', {
    schema: {
      tags,
      summary: 'Create a destination',
      body: destinationBody,
      response: { 201: destinationView, ...commonErrors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await destinations.create(callerOf(request), request.body)),
  });
  for (const method of ['PUT', 'PATCH'] as const) {
    r.route({
      method,
      url: '/:id',
      schema: {
        tags,
        summary: 'Update a destination (send ******** to keep a stored secret, null to clear it)',
        params: idParams,
        body: destinationPatch,
        response: { 200: destinationView, ...commonErrors },
      },
      handler: async (request) =>
        destinations.update(callerOf(request), request.params.id, request.body),
    });
  }
  r.delete('/:id', {
    schema: {
      tags,
      summary: 'Delete a destination',
      params: idParams,
      response: { 200: successBody, ...commonErrors },
    },
    handler: async (request) => {
      await destinations.delete(callerOf(request), request.params.id);
      return { success: true as const };
    },
  });
}

function registerTest(r: TypedApp, services: Services): void {
  r.post('/:id/test', {
    schema: {
      tags,
      summary: 'Connect afresh, log in, check the folder and write/delete a probe file',
      params: idParams,
      response: { 200: testResult, ...commonErrors },
    },
    handler: async (request) => services.releaseDelivery.test(callerOf(request), request.params.id),
  });
}

export const destinationRoutes = routePlugin<{ services: Services }>((r, { services }) => {
  registerReads(r, services.destinations);
  registerWrites(r, services.destinations);
  registerTest(r, services);
});
