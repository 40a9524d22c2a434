/**
 * What every use case receives besides its ports: the caller (for permission checks and the
 * audit trail) and the small environment pieces (ids, clock, logger).
 */
import type { Actor, Action, ResourceRef } from '../domain/policy.js';
import { can } from '../domain/policy.js';
import type { AuditEntry, User } from '../domain/entities.js';
import type { JsonObject } from '../domain/enums.js';
import type { Repositories } from '../db/ports.js';
import type { Clock } from '../shared/clock.js';
import { forbidden } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

export interface Caller {
  actor: Actor;
  ip?: string | null;
}

export interface Runtime {
  clock: Clock;
  newId: () => string;
  logger: Logger;
}

export function assertCan(caller: Caller, action: Action, resource?: ResourceRef): void {
  if (!can(caller.actor, action, resource)) {
    throw forbidden();
  }
}

/** The user as every response shows it: no hash, nothing secret. */
export type PublicUser = Omit<User, 'passwordHash'>;

export function toPublicUser(user: User): PublicUser {
  const { passwordHash: _hidden, ...visible } = user;
  return visible;
}

function newAuditEntry(
  runtime: Runtime,
  caller: Caller | null,
  entry: { action: string; resourceType: string; resourceId?: string | null; details?: JsonObject },
): AuditEntry {
  return {
    id: runtime.newId(),
    userId: caller?.actor.id ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    details: entry.details ?? {},
    ip: caller?.ip ?? null,
    createdAt: runtime.clock.now(),
  };
}

export async function writeAudit(
  repos: Repositories,
  runtime: Runtime,
  caller: Caller | null,
  entry: { action: string; resourceType: string; resourceId?: string | null; details?: JsonObject },
): Promise<void> {
  await repos.audit.append(newAuditEntry(runtime, caller, entry));
}
