/** /api/auth: login, refresh, logout, me, own password, personal API tokens. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { IssuedSession } from '../../../services/auth/auth.service.js';
import type { Services } from '../../../services/registry.js';
import { AppError } from '../../../shared/errors.js';
import { ACCESS_COOKIE, REFRESH_COOKIE, callerOf } from '../../plugins/auth.js';
import { commonErrors, idParams, successBody } from '../../schemas.js';
import { routePlugin, type TypedApp } from '../../typed.js';
import {
  apiToken,
  loginBody,
  meReply,
  passwordBody,
  refreshBody,
  sessionReply,
  tokenBody,
} from './schemas.js';

export interface AuthRouteOptions {
  services: Services;
  accessTokenTtlSeconds: number;
  cookieSecure: boolean;
  loginRatePerMinute: number;
}

const tags = ['auth'];

function client(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

/** Sets the cookies and builds the answer shared by login and refresh. */
async function answer(
  reply: FastifyReply,
  options: AuthRouteOptions,
  issued: IssuedSession,
  includeRefreshToken: boolean | undefined,
) {
  const token = await reply.jwtSign({
    sub: issued.user.id,
    sid: issued.familyId,
    role: issued.user.role,
  });
  const cookieBase = { httpOnly: true, sameSite: 'strict', secure: options.cookieSecure } as const;
  void reply.setCookie(ACCESS_COOKIE, token, {
    ...cookieBase,
    path: '/',
    // Kept as long as the session, so an expired token reaches the server and answers token_expired.
    expires: issued.refreshExpiresAt,
  });
  void reply.setCookie(REFRESH_COOKIE, issued.refreshToken, {
    ...cookieBase,
    path: '/api/auth',
    expires: issued.refreshExpiresAt,
  });
  return {
    token,
    tokenType: 'Bearer' as const,
    expiresIn: options.accessTokenTtlSeconds,
    user: issued.user,
    csrfToken: reply.generateCsrf(),
    refreshToken: includeRefreshToken === true ? issued.refreshToken : undefined,
    refreshExpiresAt: issued.refreshExpiresAt,
  };
}

function registerSession(r: TypedApp, options: AuthRouteOptions): void {
  const { auth } = options.services;
  r.post('/login', {
    config: { public: true, rateLimit: { max: options.loginRatePerMinute, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: 'Sign in',
      body: loginBody,
      response: { 200: sessionReply, ...commonErrors },
    },
    handler: async (request, reply) => {
      const issued = await auth.login(
        request.body.username,
        request.body.password,
        client(request),
      );
      return answer(reply, options, issued, request.body.includeRefreshToken);
    },
  });
  r.post('/refresh', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Exchange a refresh token (cookie or body) for new tokens',
      body: refreshBody,
      response: { 200: sessionReply, ...commonErrors },
    },
    handler: async (request, reply) => {
      const presented = request.body?.refreshToken ?? request.cookies[REFRESH_COOKIE];
      if (presented === undefined) {
        throw new AppError('auth.unauthenticated', 'No refresh token was sent');
      }
      return answer(
        reply,
        options,
        await auth.refresh(presented, client(request)),
        request.body?.includeRefreshToken,
      );
    },
  });
  r.post('/logout', {
    config: { public: true },
    schema: { tags, summary: 'End the session', body: refreshBody, response: { 200: successBody } },
    handler: async (request, reply) => {
      await auth.logout({
        refreshToken: request.body?.refreshToken ?? request.cookies[REFRESH_COOKIE],
        familyId: request.sessionFamily ?? undefined,
      });
      void reply
        .clearCookie(ACCESS_COOKIE, { path: '/' })
        .clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
      return { success: true as const, message: 'Signed out' };
    },
  });
}

function registerProfile(r: TypedApp, services: Services): void {
  r.get('/me', {
    schema: { tags, summary: 'The signed-in user', response: { 200: meReply, ...commonErrors } },
    handler: async (request, reply) => {
      const user = await services.auth.me(callerOf(request).actor.id);
      const via = request.authVia ?? 'bearer';
      return { user, authVia: via, csrfToken: via === 'cookie' ? reply.generateCsrf() : undefined };
    },
  });
  r.put('/password', {
    schema: {
      tags,
      summary: 'Change your own password',
      body: passwordBody,
      response: { 200: successBody, ...commonErrors },
    },
    handler: async (request) => {
      await services.users.changeOwnPassword(
        callerOf(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { success: true as const, message: 'Password changed' };
    },
  });
}

function registerTokens(r: TypedApp, services: Services): void {
  r.get('/tokens', {
    schema: {
      tags,
      summary: 'Your personal API tokens',
      response: { 200: z.object({ items: z.array(apiToken) }), ...commonErrors },
    },
    handler: async (request) => ({ items: await services.apiTokens.list(callerOf(request)) }),
  });
  r.post('/tokens', {
    schema: {
      tags,
      summary: 'Create a personal API token (shown once)',
      body: tokenBody,
      response: { 201: z.object({ token: z.string(), apiToken }), ...commonErrors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await services.apiTokens.create(callerOf(request), request.body)),
  });
  r.delete('/tokens/:id', {
    schema: {
      tags,
      summary: 'Revoke a personal API token',
      params: idParams,
      response: { 200: successBody, ...commonErrors },
    },
    handler: async (request) => {
      await services.apiTokens.revoke(callerOf(request), request.params.id);
      return { success: true as const };
    },
  });
}

export const authRoutes = routePlugin<AuthRouteOptions>((r, options) => {
  registerSession(r, options);
  registerProfile(r, options.services);
  registerTokens(r, options.services);
});
