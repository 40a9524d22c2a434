/**
 * Logins, rotating refresh tokens, logout and the per-request identity check.
 *
 * A login creates a session family; every refresh exchanges the presented token for a new one in
 * the same family and marks the old one replaced. Presenting a replaced token again means it was
 * copied: the whole family is revoked. Access tokens (short-lived JWTs, signed by the HTTP layer)
 * carry the family id, and each request checks that the user is still enabled and the family
 * still alive, so logout, disabling and demotion take effect at once.
 */
import type { Session, User } from '../../domain/entities.js';
import type { Database } from '../../db/ports.js';
import { AppError } from '../../shared/errors.js';
import { toPublicUser, writeAudit, type PublicUser, type Runtime } from '../context.js';
import type { LoginThrottle } from './login-throttle.js';
import { decoy, verifyPassword } from './passwords.js';
import { hashToken, newOpaqueToken } from './tokens.js';

export interface AuthDeps {
  db: Database;
  runtime: Runtime;
  throttle: LoginThrottle;
  refreshTokenTtlSeconds: number;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface IssuedSession {
  user: PublicUser;
  familyId: string;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export class AuthService {
  constructor(private readonly deps: AuthDeps) {}

  async login(username: string, password: string, client: ClientInfo): Promise<IssuedSession> {
    const { db, runtime } = this.deps;
    const user = await this.checkCredentials(username, password);
    const updated =
      (await db.repos.users.update(user.id, { lastLoginAt: runtime.clock.now() })) ?? user;
    const issued = await this.issue(updated, runtime.newId(), client);
    const caller = { actor: { id: user.id, role: user.role }, ip: client.ip };
    await writeAudit(db.repos, runtime, caller, {
      action: 'auth.login',
      resourceType: 'user',
      resourceId: user.id,
    });
    return issued;
  }

  async refresh(refreshToken: string, client: ClientInfo): Promise<IssuedSession> {
    const { db, runtime } = this.deps;
    const now = runtime.clock.now();
    const current = await db.repos.sessions.findByTokenHash(hashToken(refreshToken));
    if (!current) {
      throw new AppError('auth.token_invalid', 'The refresh token is not valid');
    }
    if (current.replacedById !== null) {
      await db.repos.sessions.revokeFamily(current.familyId, now);
      runtime.logger.warn(
        { userId: current.userId, familyId: current.familyId },
        'refresh token reused; session family revoked',
      );
      throw new AppError(
        'auth.refresh_reused',
        'This refresh token was already used; sign in again',
      );
    }
    if (current.revokedAt !== null || current.expiresAt <= now) {
      throw new AppError('auth.token_expired', 'The session has ended; sign in again');
    }
    const user = await db.repos.users.findById(current.userId);
    if (!user || user.disabled) {
      throw new AppError('auth.account_disabled', 'This account is disabled');
    }
    const issued = await this.issue(user, current.familyId, client);
    await db.repos.sessions.markReplaced(current.id, issued.sessionId, now);
    return issued;
  }

  /** Ends the session family of the presented refresh token or of the access token's family id. */
  async logout(target: { refreshToken?: string; familyId?: string }): Promise<void> {
    const { sessions } = this.deps.db.repos;
    const byToken =
      target.refreshToken === undefined
        ? undefined
        : await sessions.findByTokenHash(hashToken(target.refreshToken));
    const familyId = target.familyId ?? byToken?.familyId;
    if (familyId !== undefined) {
      await sessions.revokeFamily(familyId, this.deps.runtime.clock.now());
    }
  }

  /** The per-request check behind an access token. */
  async resolveAccess(userId: string, familyId: string): Promise<PublicUser> {
    const { db, runtime } = this.deps;
    const user = await db.repos.users.findById(userId);
    if (!user || user.disabled) {
      throw new AppError('auth.unauthenticated', 'The account no longer exists or is disabled');
    }
    if (!(await db.repos.sessions.isFamilyActive(familyId, runtime.clock.now()))) {
      throw new AppError('auth.token_expired', 'The session has ended; sign in again');
    }
    return toPublicUser(user);
  }

  async me(userId: string): Promise<PublicUser> {
    const user = await this.deps.db.repos.users.findById(userId);
    if (!user) {
      throw new AppError('auth.unauthenticated', 'The account no longer exists');
    }
    return toPublicUser(user);
  }

  private async issue(
    user: User,
    familyId: string,
    client: ClientInfo,
  ): Promise<IssuedSession & { sessionId: string }> {
    const { db, runtime } = this.deps;
    const token = newOpaqueToken();
    const now = runtime.clock.now();
    const session: Session = {
      id: runtime.newId(),
      userId: user.id,
      familyId,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.deps.refreshTokenTtlSeconds * 1000),
      revokedAt: null,
      replacedById: null,
      userAgent: client.userAgent?.slice(0, 255) ?? null,
      ip: client.ip,
    };
    await db.repos.sessions.create(session);
    return {
      user: toPublicUser(user),
      familyId,
      refreshToken: token,
      refreshExpiresAt: session.expiresAt,
      sessionId: session.id,
    };
  }

  private async checkCredentials(username: string, password: string): Promise<User> {
    const { db, throttle } = this.deps;
    const wait = throttle.retryAfter(username);
    if (wait > 0) {
      throw new AppError(
        'auth.rate_limited',
        'Too many failed logins for this user; try again later',
        { details: { retryAfterSeconds: wait } },
      );
    }
    const user = await db.repos.users.findByUsername(username);
    const valid = await verifyPassword(user?.passwordHash ?? (await decoy()), password);
    if (!user || !valid) {
      throttle.recordFailure(username);
      throw new AppError('auth.invalid_credentials', 'Wrong user name or password');
    }
    if (user.disabled) {
      throw new AppError('auth.account_disabled', 'This account is disabled');
    }
    throttle.reset(username);
    return user;
  }
}
