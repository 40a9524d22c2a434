/**
 * Who is calling. Every `/api` route needs a caller unless its config says `public: true`:
 * - `Authorization: Bearer <jwt>` (API clients) or `Bearer spk_…` (personal API tokens);
 * - the `sp_access` cookie (browsers), which also needs the CSRF token on unsafe methods.
 * Each request re-checks the user and the session family, so logout, disabling or a role change
 * apply at once. 401 means "who are you"; 403 (from the services' policy checks) means "not allowed".
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import jwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Caller } from '../../services/context.js';
import type { PublicUser } from '../../services/context.js';
import type { AuthService } from '../../services/auth/auth.service.js';
import type { ApiTokenService } from '../../services/auth/api-tokens.service.js';
import { AppError } from '../../shared/errors.js';

export const ACCESS_COOKIE = 'sp_access';
export const REFRESH_COOKIE = 'sp_refresh';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AuthPluginOptions {
  auth: AuthService;
  apiTokens: ApiTokenService;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  apiTokenPrefix: string;
  cookieSecure: boolean;
}

export interface AccessClaims {
  sub: string;
  sid: string;
  role: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
    account: PublicUser | null;
    authVia: 'cookie' | 'bearer' | 'api-token' | null;
    sessionFamily: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without credentials (login, refresh, health). */
    public?: boolean;
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

async function identify(
  app: FastifyInstance,
  options: AuthPluginOptions,
  request: FastifyRequest,
): Promise<void> {
  const bearer = bearerToken(request);
  const cookieToken = request.cookies[ACCESS_COOKIE];
  if (bearer?.startsWith(`${options.apiTokenPrefix}_`)) {
    request.account = await options.apiTokens.authenticate(bearer);
    request.authVia = 'api-token';
  } else if (bearer !== undefined || cookieToken !== undefined) {
    const claims = verifyAccess(app, bearer ?? cookieToken ?? '');
    request.account = await options.auth.resolveAccess(claims.sub, claims.sid);
    request.authVia = bearer !== undefined ? 'bearer' : 'cookie';
    request.sessionFamily = claims.sid;
  } else {
    return;
  }
  request.caller = {
    actor: { id: request.account.id, role: request.account.role },
    ip: request.ip,
  };
}

function verifyAccess(app: FastifyInstance, token: string): AccessClaims {
  try {
    return app.jwt.verify<AccessClaims>(token);
  } catch (error) {
    const expired = (error as { code?: string }).code === 'FST_JWT_AUTHORIZATION_TOKEN_EXPIRED';
    throw new AppError(
      expired ? 'auth.token_expired' : 'auth.token_invalid',
      expired ? 'The access token has expired; refresh it' : 'The access token is not valid',
    );
  }
}

function checkCsrf(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  return new Promise((resolve, reject) => {
    app.csrfProtection(request, reply, (error?: Error) => {
      if (error) {
        reject(
          new AppError(
            'auth.csrf_invalid',
            'Missing or invalid CSRF token (send the X-CSRF-Token header)',
          ),
        );
      } else {
        resolve();
      }
    });
  });
}

async function guard(
  app: FastifyInstance,
  options: AuthPluginOptions,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const isPublic = request.routeOptions.config.public === true;
  if (!request.url.startsWith('/api/') || request.routeOptions.url === undefined) {
    return;
  }
  try {
    await identify(app, options, request);
  } catch (error) {
    if (!isPublic) {
      throw error;
    }
  }
  if (isPublic) {
    return;
  }
  if (request.caller === null) {
    throw new AppError('auth.unauthenticated', 'Sign in first (or send a Bearer token)');
  }
  if (request.authVia === 'cookie' && !SAFE_METHODS.has(request.method)) {
    await checkCsrf(app, request, reply);
  }
}

export const authPlugin = fp(
  async (app: FastifyInstance, options: AuthPluginOptions) => {
    await app.register(cookie);
    await app.register(jwt, {
      secret: options.jwtSecret,
      sign: { expiresIn: options.accessTokenTtlSeconds },
    });
    await app.register(csrf, {
      cookieKey: 'sp_csrf_secret',
      cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: options.cookieSecure },
      getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
    });
    app.decorateRequest('caller', null);
    app.decorateRequest('account', null);
    app.decorateRequest('authVia', null);
    app.decorateRequest('sessionFamily', null);
    app.addHook('onRequest', (request, reply) => guard(app, options, request, reply));
  },
  { name: 'auth' },
);

/** The caller of a route that is not public (the guard has already refused anonymous requests). */
export function callerOf(request: FastifyRequest): Caller {
  if (request.caller === null) {
    throw new AppError('auth.unauthenticated', 'Sign in first');
  }
  return request.caller;
}
