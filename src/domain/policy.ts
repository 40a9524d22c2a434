/**
 * Who may do what — the one policy table. Routes apply the coarse check (`can(actor, action)`),
 * services the fine one with the resource's owner (`can(actor, action, { ownerId })`).
 *
 * Roles: admin does everything. Operator creates and runs releases and manages their own
 * destinations, API configurations and preferences. Viewer reads (jobs, releases, templates,
 * dashboard) and may only change their own password, UI settings and personal API tokens.
 */
import type { Role } from './enums.js';

export interface Actor {
  id: string;
  role: Role;
}

/** The owner of the resource the action touches; `null` for global (shared) resources. */
export interface ResourceRef {
  ownerId: string | null;
}

export const ACTIONS = [
  'users.manage',
  'profile.manage',
  'tokens.manage',
  'dashboard.read',
  'audit.read',
  'preferences.read',
  'preferences.write',
  'preferences.ui.write',
  'paths.read',
  'paths.write',
  'templates.read',
  'templates.write',
  'destinations.read',
  'destinations.write',
  'destinations.use',
  'apiConfigs.read',
  'apiConfigs.write',
  'apiConfigs.delete',
  'releases.read',
  'releases.create',
  'releases.write',
  'jobs.read',
  'jobs.control',
  'metadata.use',
] as const;
export type Action = (typeof ACTIONS)[number];

type Rule = (actor: Actor, resource?: ResourceRef) => boolean;

const anyone: Rule = () => true;
const adminOnly: Rule = (actor) => actor.role === 'admin';
const operatorOrAdmin: Rule = (actor) => actor.role !== 'viewer';
/** Operators on their own rows (and, for global rows, only admins). */
const ownWrite: Rule = (actor, resource) =>
  actor.role === 'admin' ||
  (actor.role === 'operator' && (resource === undefined || resource.ownerId === actor.id));
/** Everyone reads their own rows and global rows; admins read everything. */
const ownOrGlobalRead: Rule = (actor, resource) =>
  actor.role === 'admin' ||
  resource === undefined ||
  resource.ownerId === null ||
  resource.ownerId === actor.id;
/** Only the owner or an admin: used for resources that carry secrets. */
const ownerOrAdmin: Rule = (actor, resource) =>
  actor.role === 'admin' || resource === undefined || resource.ownerId === actor.id;
/** Viewers read everything non-secret; operators their own; admins all. */
const observerRead: Rule = (actor, resource) =>
  actor.role !== 'operator' || resource === undefined || resource.ownerId === actor.id;

const POLICY: Record<Action, Rule> = {
  'users.manage': adminOnly,
  'profile.manage': anyone,
  'tokens.manage': anyone,
  'dashboard.read': anyone,
  'audit.read': adminOnly,
  'preferences.read': ownOrGlobalRead,
  'preferences.write': ownWrite,
  'preferences.ui.write': (actor, resource) =>
    resource === undefined || resource.ownerId === actor.id,
  'paths.read': ownOrGlobalRead,
  'paths.write': ownWrite,
  'templates.read': anyone,
  'templates.write': adminOnly,
  'destinations.read': ownerOrAdmin,
  'destinations.write': ownWrite,
  'destinations.use': ownWrite,
  'apiConfigs.read': ownOrGlobalRead,
  'apiConfigs.write': ownWrite,
  'apiConfigs.delete': adminOnly,
  'releases.read': observerRead,
  'releases.create': operatorOrAdmin,
  'releases.write': ownWrite,
  'jobs.read': observerRead,
  'jobs.control': ownWrite,
  'metadata.use': operatorOrAdmin,
};

export function can(actor: Actor, action: Action, resource?: ResourceRef): boolean {
  return POLICY[action](actor, resource);
}

/** Whether the actor reads every owner's rows in listings (true) or only their own. */
export function seesAll(
  actor: Actor,
  action: 'jobs.read' | 'releases.read' | 'destinations.read',
): boolean {
  return action === 'destinations.read' ? actor.role === 'admin' : actor.role !== 'operator';
}
