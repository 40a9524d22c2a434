/**
 * Keys and settings of the metadata providers (omdb, tvdb, tmdb, openlibrary, googlebooks), per
 * user or global. Operators manage their own rows, admins also the global ones; only admins delete.
 * Keys and PINs are encrypted at rest and masked in every answer.
 */
import type { ApiConfig } from '../domain/entities.js';
import type { ApiProvider, Scope } from '../domain/enums.js';
import type { Database } from '../db/ports.js';
import { AppError, notFound } from '../shared/errors.js';
import { assertCan, writeAudit, type Caller, type Runtime } from './context.js';
import type { SecretBox } from './secret-box.js';
import { maskSecret, nextSecret, openSecret } from './secret-fields.js';

export interface ApiConfigsDeps {
  db: Database;
  runtime: Runtime;
  secrets: SecretBox;
}

export interface ApiConfigInput {
  apiKey?: string | null;
  pin?: string | null;
  baseUrl?: string | null;
  enabled?: boolean;
}

export interface ApiConfigView extends Omit<ApiConfig, 'apiKeyEnc' | 'pinEnc'> {
  apiKey: string | null;
  pin: string | null;
}

/** What a provider client needs: the key in clear, for the metadata code only. */
export interface ProviderCredentials {
  provider: ApiProvider;
  apiKey: string | null;
  pin: string | null;
  baseUrl: string | null;
  enabled: boolean;
  source: Scope;
}

function toApiConfigView(row: ApiConfig): ApiConfigView {
  const { apiKeyEnc, pinEnc, ...rest } = row;
  return { ...rest, apiKey: maskSecret(apiKeyEnc), pin: maskSecret(pinEnc) };
}

const ownerFor = (caller: Caller, scope: Scope): string | null =>
  scope === 'global' ? null : caller.actor.id;

export class ApiConfigsService {
  constructor(private readonly deps: ApiConfigsDeps) {}

  async list(caller: Caller): Promise<ApiConfigView[]> {
    assertCan(caller, 'apiConfigs.read');
    const userId = caller.actor.role === 'admin' ? undefined : caller.actor.id;
    return (await this.deps.db.repos.apiConfigs.list({ userId })).map(toApiConfigView);
  }

  /** The row that applies to the caller: their own, else the global one (or exactly one scope). */
  async get(caller: Caller, provider: ApiProvider, scope?: Scope): Promise<ApiConfigView> {
    const { apiConfigs } = this.deps.db.repos;
    const row =
      scope === undefined
        ? await this.effective(caller.actor.id, provider)
        : await apiConfigs.find(scope, ownerFor(caller, scope), provider);
    if (!row) {
      throw notFound(`API configuration "${provider}"`);
    }
    assertCan(caller, 'apiConfigs.read', { ownerId: row.userId });
    return toApiConfigView(row);
  }

  async create(
    caller: Caller,
    provider: ApiProvider,
    scope: Scope,
    input: ApiConfigInput,
  ): Promise<ApiConfigView> {
    const { db, runtime, secrets } = this.deps;
    const userId = ownerFor(caller, scope);
    assertCan(caller, 'apiConfigs.write', { ownerId: userId });
    if (await db.repos.apiConfigs.find(scope, userId, provider)) {
      throw new AppError(
        'resource.conflict',
        `A ${scope} configuration for "${provider}" exists already; update it instead`,
      );
    }
    const now = runtime.clock.now();
    const row: ApiConfig = {
      id: runtime.newId(),
      scope,
      userId,
      provider,
      apiKeyEnc: nextSecret(secrets, null, input.apiKey),
      pinEnc: nextSecret(secrets, null, input.pin),
      baseUrl: input.baseUrl ?? null,
      enabled: input.enabled ?? true,
      createdAt: now,
      updatedAt: now,
    };
    return db.transaction(async (tx) => {
      const saved = await tx.apiConfigs.create(row);
      await writeAudit(tx, runtime, caller, {
        action: 'api_config.create',
        resourceType: 'api_config',
        resourceId: saved.id,
        details: { provider, scope },
      });
      return toApiConfigView(saved);
    });
  }

  async update(
    caller: Caller,
    provider: ApiProvider,
    scope: Scope,
    input: ApiConfigInput,
  ): Promise<ApiConfigView> {
    const { db, runtime, secrets } = this.deps;
    const userId = ownerFor(caller, scope);
    assertCan(caller, 'apiConfigs.write', { ownerId: userId });
    const current = await db.repos.apiConfigs.find(scope, userId, provider);
    if (!current) {
      throw notFound(`API configuration "${provider}"`);
    }
    const patch = {
      apiKeyEnc: nextSecret(secrets, current.apiKeyEnc, input.apiKey),
      pinEnc: nextSecret(secrets, current.pinEnc, input.pin),
      baseUrl: input.baseUrl !== undefined ? input.baseUrl : current.baseUrl,
      enabled: input.enabled ?? current.enabled,
      updatedAt: runtime.clock.now(),
    };
    return db.transaction(async (tx) => {
      const saved = (await tx.apiConfigs.update(current.id, patch)) ?? { ...current, ...patch };
      await writeAudit(tx, runtime, caller, {
        action: 'api_config.update',
        resourceType: 'api_config',
        resourceId: current.id,
        details: { provider, scope },
      });
      return toApiConfigView(saved);
    });
  }

  async delete(
    caller: Caller,
    provider: ApiProvider,
    target: { scope: Scope; userId?: string },
  ): Promise<void> {
    assertCan(caller, 'apiConfigs.delete');
    const { db, runtime } = this.deps;
    const userId = target.scope === 'global' ? null : (target.userId ?? caller.actor.id);
    const row = await db.repos.apiConfigs.find(target.scope, userId, provider);
    if (!row) {
      throw notFound(`API configuration "${provider}"`);
    }
    await db.transaction(async (tx) => {
      await tx.apiConfigs.delete(row.id);
      await writeAudit(tx, runtime, caller, {
        action: 'api_config.delete',
        resourceType: 'api_config',
        resourceId: row.id,
        details: { provider, scope: target.scope },
      });
    });
  }

  /** Credentials in clear for a provider client: the user's row, else the global one. */
  async credentials(
    userId: string,
    provider: ApiProvider,
  ): Promise<ProviderCredentials | undefined> {
    const row = await this.effective(userId, provider);
    if (!row) {
      return undefined;
    }
    const { secrets } = this.deps;
    return {
      provider,
      apiKey: openSecret(secrets, row.apiKeyEnc),
      pin: openSecret(secrets, row.pinEnc),
      baseUrl: row.baseUrl,
      enabled: row.enabled,
      source: row.scope,
    };
  }

  private async effective(userId: string, provider: ApiProvider): Promise<ApiConfig | undefined> {
    const { apiConfigs } = this.deps.db.repos;
    return (
      (await apiConfigs.find('user', userId, provider)) ??
      (await apiConfigs.find('global', null, provider))
    );
  }
}
