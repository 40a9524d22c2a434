/** /api/users: user and role administration (admins only, decided by the policy in the service). */
import { z } from 'zod';
import type { UsersService } from '../../../services/users.service.js';
import type { Services } from '../../../services/registry.js';
import { callerOf } from '../../plugins/auth.js';
import { commonErrors, idParams, paged, publicUser, successBody } from '../../schemas.js';
import { routePlugin, type TypedApp } from '../../typed.js';
import { createUserBody, resetBody, roleBody, updateUserBody, usersQuery } from './schemas.js';

const tags = ['users'];

function registerReads(r: TypedApp, users: UsersService): void {
  r.get('/', {
    schema: {
      tags,
      summary: 'List users',
      querystring: usersQuery,
      response: { 200: paged(publicUser), ...commonErrors },
    },
    handler: async (request) => {
      const { limit, offset, ...filter } = request.query;
      return { ...(await users.list(callerOf(request), filter, { limit, offset })), limit, offset };
    },
  });
  r.get('/:id', {
    schema: {
      tags,
      summary: 'One user',
      params: idParams,
      response: { 200: publicUser, ...commonErrors },
    },
    handler: async (request) => users.get(callerOf(request), request.params.id),
  });
}

function registerChanges(r: TypedApp, users: UsersService): void {
  r.post('/', {
    schema: {
      tags,
      summary: 'Create a user',
      body: createUserBody,
      response: { 201: publicUser, ...commonErrors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await users.create(callerOf(request), request.body)),
  });
  r.patch('/:id', {
    schema: {
      tags,
      summary: 'Update a user (e-mail, name, role, disabled)',
      params: idParams,
      body: updateUserBody,
      response: { 200: publicUser, ...commonErrors },
    },
    handler: async (request) => users.update(callerOf(request), request.params.id, request.body),
  });
  r.put('/:id/role', {
    schema: {
      tags,
      summary: 'Change the role',
      params: idParams,
      body: roleBody,
      response: { 200: publicUser, ...commonErrors },
    },
    handler: async (request) =>
      users.setRole(callerOf(request), request.params.id, request.body.role),
  });
  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    r.post(`/:id/${action}`, {
      schema: {
        tags,
        summary: disabled ? 'Disable a user (ends their sessions)' : 'Enable a user',
        params: idParams,
        response: { 200: publicUser, ...commonErrors },
      },
      handler: async (request) => users.setDisabled(callerOf(request), request.params.id, disabled),
    });
  }
}

function registerRemovals(r: TypedApp, users: UsersService): void {
  r.delete('/:id', {
    schema: {
      tags,
      summary: 'Delete a user',
      params: idParams,
      response: { 200: successBody, ...commonErrors },
    },
    handler: async (request) => {
      await users.delete(callerOf(request), request.params.id);
      return { success: true as const };
    },
  });
  r.post('/:id/reset-password', {
    schema: {
      tags,
      summary: 'Reset a password (generated when none is given; must be changed at next login)',
      params: idParams,
      body: resetBody,
      response: {
        200: z.object({ user: publicUser, temporaryPassword: z.string().nullable() }),
        ...commonErrors,
      },
    },
    handler: async (request) =>
      users.resetPassword(callerOf(request), request.params.id, request.body?.password),
  });
}

export const userRoutes = routePlugin<{ services: Services }>((r, { services }) => {
  registerReads(r, services.users);
  registerChanges(r, services.users);
  registerRemovals(r, services.users);
});
