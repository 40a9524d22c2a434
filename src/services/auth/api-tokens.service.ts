/**
 * Personal API tokens for the CLI's remote mode and scripts. The token is shown once at creation;
 * only its SHA-256 and a short prefix are stored.
 */
import type { ApiToken } from '../../domain/entities.js';
import type { Database } from '../../db/ports.js';
import { AppError, notFound } from '../../shared/errors.js';
import {
  assertCan,
  toPublicUser,
  writeAudit,
  type Caller,
  type PublicUser,
  type Runtime,
} from '../context.js';
import { hashToken, newOpaqueToken } from './tokens.js';

export interface ApiTokenDeps {
  db: Database;
  runtime: Runtime;
  prefix: string;
}

export type PublicApiToken = Omit<ApiToken, 'tokenHash'>;

function toPublic(token: ApiToken): PublicApiToken {
  const { tokenHash: _hidden, ...visible } = token;
  return visible;
}

export class ApiTokenService {
  constructor(private readonly deps: ApiTokenDeps) {}

  async create(
    caller: Caller,
    input: { name: string; expiresInDays?: number | null },
  ): Promise<{ token: string; apiToken: PublicApiToken }> {
    assertCan(caller, 'tokens.manage');
    const { db, runtime, prefix } = this.deps;
    const token = newOpaqueToken(prefix);
    const now = runtime.clock.now();
    const row: ApiToken = {
      id: runtime.newId(),
      userId: caller.actor.id,
      name: input.name,
      prefix: token.slice(0, prefix.length + 7),
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: input.expiresInDays
        ? new Date(now.getTime() + input.expiresInDays * 86_400_000)
        : null,
      lastUsedAt: null,
      revokedAt: null,
    };
    await db.transaction(async (tx) => {
      await tx.apiTokens.create(row);
      await writeAudit(tx, runtime, caller, {
        action: 'token.create',
        resourceType: 'api_token',
        resourceId: row.id,
        details: { name: row.name },
      });
    });
    return { token, apiToken: toPublic(row) };
  }

  async list(caller: Caller): Promise<PublicApiToken[]> {
    assertCan(caller, 'tokens.manage');
    return (await this.deps.db.repos.apiTokens.listForUser(caller.actor.id)).map(toPublic);
  }

  async revoke(caller: Caller, id: string): Promise<void> {
    const { db, runtime } = this.deps;
    const token = await db.repos.apiTokens.findById(id);
    if (!token || (token.userId !== caller.actor.id && caller.actor.role !== 'admin')) {
      throw notFound('API token');
    }
    await db.transaction(async (tx) => {
      await tx.apiTokens.revoke(id, runtime.clock.now());
      await writeAudit(tx, runtime, caller, {
        action: 'token.revoke',
        resourceType: 'api_token',
        resourceId: id,
      });
    });
  }

  /** The user behind a presented token, or auth.token_invalid / auth.token_expired. */
  async authenticate(token: string): Promise<PublicUser> {
    const { db, runtime } = this.deps;
    const row = await db.repos.apiTokens.findByTokenHash(hashToken(token));
    const now = runtime.clock.now();
    if (row?.revokedAt !== null) {
      throw new AppError('auth.token_invalid', 'The API token is not valid');
    }
    if (row.expiresAt !== null && row.expiresAt <= now) {
      throw new AppError('auth.token_expired', 'The API token has expired');
    }
    const user = await db.repos.users.findById(row.userId);
    if (!user || user.disabled) {
      throw new AppError('auth.unauthenticated', 'The account no longer exists or is disabled');
    }
    await db.repos.apiTokens.touch(row.id, now);
    return toPublicUser(user);
  }
}
