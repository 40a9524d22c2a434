/**
 * Preferences with the user → global → built-in default lookup. Every answer says where its value
 * came from. Writes go to the caller's own scope; the global scope is for admins.
 */
import type { Preference } from '../domain/entities.js';
import type { JsonValue, Scope } from '../domain/enums.js';
import {
  isPersonalUiKey,
  PREFERENCE_DEFAULTS,
  PREFERENCE_KEY_PATTERN,
} from '../domain/preference-defaults.js';
import type { Database } from '../db/ports.js';
import { notFound, validationError } from '../shared/errors.js';
import { assertCan, writeAudit, type Caller, type Runtime } from './context.js';

export type PreferenceSource = 'user' | 'global' | 'default';

export interface EffectivePreference {
  key: string;
  value: JsonValue;
  source: PreferenceSource;
}

export interface PreferencesDeps {
  db: Database;
  runtime: Runtime;
}

function ownerOf(caller: Caller, scope: Scope): string | null {
  return scope === 'global' ? null : caller.actor.id;
}

function assertKey(key: string): void {
  if (!PREFERENCE_KEY_PATTERN.test(key)) {
    throw validationError([{ path: 'key', message: 'Use 1–100 letters, digits or _ . : + -' }]);
  }
}

function assertWrite(caller: Caller, scope: Scope, key: string): void {
  const personal = scope === 'user' && isPersonalUiKey(key);
  assertCan(caller, personal ? 'preferences.ui.write' : 'preferences.write', {
    ownerId: ownerOf(caller, scope),
  });
}

export class PreferencesService {
  constructor(private readonly deps: PreferencesDeps) {}

  /** The effective value of one key, or resource.not_found when no level has it. */
  async get(caller: Caller, key: string): Promise<EffectivePreference> {
    assertKey(key);
    const found = await this.lookup(caller.actor.id, key);
    if (!found) {
      throw notFound(`Preference "${key}"`);
    }
    return found;
  }

  /** Like `get`, but null instead of not found (the wizard's lookup). */
  async find(caller: Caller, key: string): Promise<EffectivePreference | null> {
    assertKey(key);
    return (await this.lookup(caller.actor.id, key)) ?? null;
  }

  /** The effective value for any user id, for services acting on a user's behalf. */
  async valueFor<T extends JsonValue>(userId: string, key: string): Promise<T | undefined> {
    return (await this.lookup(userId, key))?.value as T | undefined;
  }

  async list(caller: Caller, scope: Scope = 'user'): Promise<Preference[]> {
    assertCan(caller, 'preferences.read', { ownerId: ownerOf(caller, scope) });
    return this.deps.db.repos.preferences.list(scope, ownerOf(caller, scope));
  }

  /** Every key known at any level, each with its effective value and source. */
  async effective(caller: Caller): Promise<EffectivePreference[]> {
    const { preferences } = this.deps.db.repos;
    const [own, global] = await Promise.all([
      preferences.list('user', caller.actor.id),
      preferences.list('global', null),
    ]);
    const keys = new Set([
      ...Object.keys(PREFERENCE_DEFAULTS),
      ...global.map((p) => p.key),
      ...own.map((p) => p.key),
    ]);
    const found = await Promise.all(
      [...keys].sort().map((key) => this.lookup(caller.actor.id, key)),
    );
    return found.filter((entry): entry is EffectivePreference => entry !== undefined);
  }

  async set(
    caller: Caller,
    key: string,
    value: JsonValue,
    scope: Scope = 'user',
  ): Promise<Preference> {
    assertKey(key);
    assertWrite(caller, scope, key);
    const { db, runtime } = this.deps;
    const now = runtime.clock.now();
    const userId = ownerOf(caller, scope);
    return db.transaction(async (tx) => {
      const existing = await tx.preferences.find(scope, userId, key);
      const row = {
        id: existing?.id ?? runtime.newId(),
        scope,
        userId,
        key,
        value,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      const saved = await tx.preferences.upsert(row);
      await writeAudit(tx, runtime, caller, {
        action: 'preference.set',
        resourceType: 'preference',
        resourceId: key,
        details: { scope },
      });
      return saved;
    });
  }

  async delete(caller: Caller, key: string, scope: Scope = 'user'): Promise<void> {
    assertKey(key);
    assertWrite(caller, scope, key);
    const { db, runtime } = this.deps;
    const removed = await db.transaction(async (tx) => {
      const done = await tx.preferences.delete(scope, ownerOf(caller, scope), key);
      await writeAudit(tx, runtime, caller, {
        action: 'preference.delete',
        resourceType: 'preference',
        resourceId: key,
        details: { scope },
      });
      return done;
    });
    if (!removed) {
      throw notFound(`Preference "${key}"`);
    }
  }

  async exportAll(caller: Caller, scope: Scope = 'user'): Promise<Record<string, JsonValue>> {
    const rows = await this.list(caller, scope);
    return Object.fromEntries(rows.map((row) => [row.key, row.value]));
  }

  async importAll(
    caller: Caller,
    values: Record<string, JsonValue>,
    scope: Scope = 'user',
  ): Promise<number> {
    const entries = Object.entries(values);
    for (const [key] of entries) {
      assertKey(key);
      assertWrite(caller, scope, key);
    }
    for (const [key, value] of entries) {
      await this.set(caller, key, value, scope);
    }
    return entries.length;
  }

  private async lookup(userId: string, key: string): Promise<EffectivePreference | undefined> {
    const { preferences } = this.deps.db.repos;
    const own = await preferences.find('user', userId, key);
    if (own) {
      return { key, value: own.value, source: 'user' };
    }
    const global = await preferences.find('global', null, key);
    if (global) {
      return { key, value: global.value, source: 'global' };
    }
    const fallback = PREFERENCE_DEFAULTS[key];
    return fallback === undefined ? undefined : { key, value: fallback, source: 'default' };
  }
}
