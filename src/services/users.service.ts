/**
 * User administration (admin only) and each user's own password. The last active admin can never
 * be deleted, disabled or demoted: the check runs inside the same transaction as the change.
 */
import { randomBytes } from 'node:crypto';
import type { User } from '../domain/entities.js';
import type { Role } from '../domain/enums.js';
import type { Database, Page, Paged, Repositories } from '../db/ports.js';
import { AppError, isAppError, notFound } from '../shared/errors.js';
import { assertPasswordStrength, hashPassword, verifyPassword } from './auth/passwords.js';
import {
  assertCan,
  toPublicUser,
  writeAudit,
  type Caller,
  type PublicUser,
  type Runtime,
} from './context.js';

export interface UsersDeps {
  db: Database;
  runtime: Runtime;
}

export interface NewUser {
  username: string;
  password: string;
  email?: string | null;
  displayName?: string | null;
  role: Role;
}

export interface UserPatch {
  email?: string | null;
  displayName?: string | null;
  role?: Role;
  disabled?: boolean;
}

export interface UserFilter {
  role?: Role;
  status?: 'active' | 'disabled';
  search?: string;
}

function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

async function load(repos: Repositories, id: string): Promise<User> {
  const user = await repos.users.findById(id);
  if (!user) {
    throw notFound('User');
  }
  return user;
}

async function assertUnique(
  repos: Repositories,
  username: string | undefined,
  email: string | null | undefined,
  exceptId?: string,
): Promise<void> {
  const byName = username === undefined ? undefined : await repos.users.findByUsername(username);
  if (byName && byName.id !== exceptId) {
    throw new AppError('resource.conflict', `The user name "${username ?? ''}" is taken`, {
      details: { field: 'username' },
    });
  }
  const byEmail = email ? await repos.users.findByEmail(email) : undefined;
  if (byEmail && byEmail.id !== exceptId) {
    throw new AppError('resource.conflict', 'This e-mail address is already used', {
      details: { field: 'email' },
    });
  }
}

/** Refuses a change that would leave no active admin. */
async function guardLastAdmin(
  repos: Repositories,
  user: User,
  after: { role: Role; disabled: boolean } | 'deleted',
): Promise<void> {
  const stillActiveAdmin = after !== 'deleted' && after.role === 'admin' && !after.disabled;
  if (user.role !== 'admin' || user.disabled || stillActiveAdmin) {
    return;
  }
  if ((await repos.users.countActiveAdmins()) <= 1) {
    throw new AppError(
      'user.last_admin',
      'This is the last active admin: it cannot be deleted, disabled or demoted',
    );
  }
}

export class UsersService {
  constructor(private readonly deps: UsersDeps) {}

  async list(caller: Caller, filter: UserFilter, page: Page): Promise<Paged<PublicUser>> {
    assertCan(caller, 'users.manage');
    const disabled = filter.status === undefined ? undefined : filter.status === 'disabled';
    const result = await this.deps.db.repos.users.list(
      { role: filter.role, disabled, search: filter.search },
      page,
    );
    return { items: result.items.map(toPublicUser), total: result.total };
  }

  async get(caller: Caller, id: string): Promise<PublicUser> {
    assertCan(caller, 'users.manage');
    return toPublicUser(await load(this.deps.db.repos, id));
  }

  async create(caller: Caller, input: NewUser): Promise<PublicUser> {
    assertCan(caller, 'users.manage');
    return this.deps.db.transaction(async (tx) => {
      const user = await this.createRow(tx, input, false);
      await writeAudit(tx, this.deps.runtime, caller, {
        action: 'user.create',
        resourceType: 'user',
        resourceId: user.id,
        details: { username: user.username, role: user.role },
      });
      return toPublicUser(user);
    });
  }

  async update(caller: Caller, id: string, patch: UserPatch): Promise<PublicUser> {
    assertCan(caller, 'users.manage');
    const { runtime } = this.deps;
    return this.deps.db.transaction(async (tx) => {
      const user = await load(tx, id);
      await assertUnique(tx, undefined, patch.email, id);
      await guardLastAdmin(tx, user, {
        role: patch.role ?? user.role,
        disabled: patch.disabled ?? user.disabled,
      });
      const updated = await tx.users.update(id, { ...patch, updatedAt: runtime.clock.now() });
      if (patch.disabled === true || (patch.role !== undefined && patch.role !== user.role)) {
        await tx.sessions.revokeAllForUser(id, runtime.clock.now());
      }
      await writeAudit(tx, runtime, caller, {
        action: 'user.update',
        resourceType: 'user',
        resourceId: id,
        details: { ...patch },
      });
      return toPublicUser(updated ?? user);
    });
  }

  setRole(caller: Caller, id: string, role: Role): Promise<PublicUser> {
    return this.update(caller, id, { role });
  }

  setDisabled(caller: Caller, id: string, disabled: boolean): Promise<PublicUser> {
    return this.update(caller, id, { disabled });
  }

  async delete(caller: Caller, id: string): Promise<void> {
    assertCan(caller, 'users.manage');
    if (id === caller.actor.id) {
      throw new AppError('user.self_action', 'You cannot delete your own account');
    }
    await this.deps.db.transaction(async (tx) => {
      const user = await load(tx, id);
      await guardLastAdmin(tx, user, 'deleted');
      await tx.users.delete(id).catch((error: unknown) => {
        throw isAppError(error) && error.code === 'resource.conflict'
          ? new AppError(
              'resource.conflict',
              'This user owns jobs or releases; disable the account instead of deleting it',
              { details: { field: 'id' }, cause: error },
            )
          : error;
      });
      await writeAudit(tx, this.deps.runtime, caller, {
        action: 'user.delete',
        resourceType: 'user',
        resourceId: id,
        details: { username: user.username },
      });
    });
  }

  /** Sets a new password (generated when none is given) that must be changed at next login. */
  async resetPassword(
    caller: Caller,
    id: string,
    password?: string,
  ): Promise<{ user: PublicUser; temporaryPassword: string | null }> {
    assertCan(caller, 'users.manage');
    const { runtime } = this.deps;
    const next = password ?? generatePassword();
    return this.deps.db.transaction(async (tx) => {
      const user = await load(tx, id);
      assertPasswordStrength(next, user.username);
      const updated = await tx.users.update(id, {
        passwordHash: await hashPassword(next),
        mustChangePassword: true,
        updatedAt: runtime.clock.now(),
      });
      await tx.sessions.revokeAllForUser(id, runtime.clock.now());
      await writeAudit(tx, runtime, caller, {
        action: 'user.reset_password',
        resourceType: 'user',
        resourceId: id,
      });
      return {
        user: toPublicUser(updated ?? user),
        temporaryPassword: password === undefined ? next : null,
      };
    });
  }

  async changeOwnPassword(
    caller: Caller,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    assertCan(caller, 'profile.manage');
    const { db, runtime } = this.deps;
    const user = await load(db.repos, caller.actor.id);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new AppError('auth.wrong_password', 'The current password is wrong');
    }
    assertPasswordStrength(newPassword, user.username);
    await db.transaction(async (tx) => {
      await tx.users.update(user.id, {
        passwordHash: await hashPassword(newPassword),
        mustChangePassword: false,
        updatedAt: runtime.clock.now(),
      });
      await writeAudit(tx, runtime, caller, {
        action: 'user.change_password',
        resourceType: 'user',
        resourceId: user.id,
      });
    });
  }

  /** First start: creates the admin when there is no user at all. */
  async ensureInitialAdmin(
    username: string,
    password: string | undefined,
  ): Promise<{ created: boolean; generatedPassword: string | null }> {
    const { db, runtime } = this.deps;
    const existing = await db.repos.users.list({}, { limit: 1, offset: 0 });
    if (existing.total > 0) {
      return { created: false, generatedPassword: null };
    }
    const chosen = password ?? generatePassword();
    await db.transaction(async (tx) => {
      const user = await this.createRow(
        tx,
        { username, password: chosen, role: 'admin' },
        password === undefined,
      );
      await writeAudit(tx, runtime, null, {
        action: 'user.bootstrap_admin',
        resourceType: 'user',
        resourceId: user.id,
      });
    });
    return { created: true, generatedPassword: password === undefined ? chosen : null };
  }

  /** The user a local CLI acts as: the named one, or the first active admin. */
  async findActor(username?: string): Promise<PublicUser | undefined> {
    const { repos } = this.deps.db;
    if (username !== undefined) {
      const user = await repos.users.findByUsername(username);
      return user && !user.disabled ? toPublicUser(user) : undefined;
    }
    const admins = await repos.users.list(
      { role: 'admin', disabled: false },
      { limit: 1, offset: 0 },
    );
    const first = admins.items[0];
    return first ? toPublicUser(first) : undefined;
  }

  private async createRow(
    repos: Repositories,
    input: NewUser,
    mustChangePassword: boolean,
  ): Promise<User> {
    assertPasswordStrength(input.password, input.username);
    await assertUnique(repos, input.username, input.email);
    const now = this.deps.runtime.clock.now();
    return repos.users.create({
      id: this.deps.runtime.newId(),
      username: input.username,
      email: input.email ?? null,
      displayName: input.displayName ?? null,
      role: input.role,
      disabled: false,
      passwordHash: await hashPassword(input.password),
      mustChangePassword,
      createdAt: now,
      updatedAt: now,
      lastLoginAt: null,
    });
  }
}
