import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_PASSWORD, createTestApp, type TestApp } from '../../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

interface UserBody {
  id: string;
  username: string;
  role: string;
  disabled: boolean;
  email: string | null;
  mustChangePassword: boolean;
}

async function create(payload: Record<string, unknown>) {
  return t.admin.request({
    method: 'POST',
    url: '/api/users',
    payload: { password: USER_PASSWORD, ...payload },
  });
}

describe('users administration', () => {
  it('creates a user with 201 and the user in the body, stored in the database', async () => {
    const response = await create({
      username: 'alice',
      email: 'alice@example.org',
      role: 'operator',
    });
    expect(response.statusCode).toBe(201);
    const user = response.json<UserBody>();
    expect(user).toMatchObject({
      username: 'alice',
      email: 'alice@example.org',
      role: 'operator',
      disabled: false,
    });
    expect(response.body).not.toContain('passwordHash');
    const row = await t.container.db.repos.users.findById(user.id);
    expect(row?.passwordHash.startsWith('$argon2id$')).toBe(true);
    const audit = await t.container.db.repos.audit.list(
      { action: 'user.create' },
      { limit: 10, offset: 0 },
    );
    expect(audit.items.some((entry) => entry.resourceId === user.id)).toBe(true);
  });

  it('answers 409 for a duplicate user name (any case) or e-mail', async () => {
    await create({ username: 'bob', email: 'bob@example.org' });
    const sameName = await create({ username: 'BOB' });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json()).toMatchObject({
      code: 'resource.conflict',
      details: { field: 'username' },
    });
    const sameMail = await create({ username: 'bobby', email: 'bob@example.org' });
    expect(sameMail.statusCode).toBe(409);
    expect(sameMail.json()).toMatchObject({ details: { field: 'email' } });
  });

  it('refuses a weak password with a clear code', async () => {
    const response = await create({ username: 'weak', password: 'short' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'auth.weak_password' });
  });

  it('lists with paging and filters by role and status', async () => {
    await create({ username: 'vera', role: 'viewer' });
    const viewers = await t.admin.request({ method: 'GET', url: '/api/users?role=viewer' });
    const body = viewers.json<{
      items: UserBody[];
      total: number;
      limit: number;
      offset: number;
    }>();
    expect(body.items.every((user) => user.role === 'viewer')).toBe(true);
    expect(body.items.map((user) => user.username)).toContain('vera');
    const page = await t.admin.request({ method: 'GET', url: '/api/users?limit=1&offset=1' });
    expect(
      page.json<{ items: UserBody[]; limit: number; offset: number; total: number }>(),
    ).toMatchObject({ limit: 1, offset: 1 });
    expect(page.json<{ items: UserBody[] }>().items).toHaveLength(1);
  });

  it('updates, changes role, disables and enables', async () => {
    const user = (await create({ username: 'carol' })).json<UserBody>();
    const patched = await t.admin.request({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { email: 'carol@example.org', displayName: 'Carol' },
    });
    expect(patched.json()).toMatchObject({ email: 'carol@example.org' });
    const role = await t.admin.request({
      method: 'PUT',
      url: `/api/users/${user.id}/role`,
      payload: { role: 'viewer' },
    });
    expect(role.json()).toMatchObject({ role: 'viewer' });
    const disabled = await t.admin.request({
      method: 'POST',
      url: `/api/users/${user.id}/disable`,
    });
    expect(disabled.json()).toMatchObject({ disabled: true });
    const listed = await t.admin.request({ method: 'GET', url: '/api/users?status=disabled' });
    expect(listed.json<{ items: UserBody[] }>().items.map((u) => u.username)).toContain('carol');
    const enabled = await t.admin.request({ method: 'POST', url: `/api/users/${user.id}/enable` });
    expect(enabled.json()).toMatchObject({ disabled: false });
  });

  it('resets a password: generated once, must be changed, old sessions end', async () => {
    const dave = await t.as('operator', 'dave');
    const reset = await t.admin.request({
      method: 'POST',
      url: `/api/users/${dave.id}/reset-password`,
    });
    const { temporaryPassword, user } = reset.json<{ temporaryPassword: string; user: UserBody }>();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    expect(user.mustChangePassword).toBe(true);
    expect((await dave.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.login('dave', USER_PASSWORD)).statusCode).toBe(401);
    const login = await t.login('dave', temporaryPassword);
    expect(login.statusCode).toBe(200);
    const token = login.json<{ token: string }>().token;
    const change = await t.anonymous({
      method: 'PUT',
      url: '/api/auth/password',
      headers: { authorization: `Bearer ${token}` },
      payload: { currentPassword: temporaryPassword, newPassword: 'a-brand-new-password' },
    });
    expect(change.statusCode).toBe(200);
    expect(
      (await t.login('dave', 'a-brand-new-password')).json<{ user: UserBody }>().user
        .mustChangePassword,
    ).toBe(false);
  });

  it('lets every user change their own password, checking the current one', async () => {
    const viewer = await t.as('viewer');
    const wrong = await viewer.request({
      method: 'PUT',
      url: '/api/auth/password',
      payload: { currentPassword: 'wrong-password!', newPassword: 'another-password-1' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'auth.wrong_password' });
    const right = await viewer.request({
      method: 'PUT',
      url: '/api/auth/password',
      payload: { currentPassword: USER_PASSWORD, newPassword: 'another-password-1' },
    });
    expect(right.statusCode).toBe(200);
  });

  it('deletes a user, but never oneself', async () => {
    const user = (await create({ username: 'erin' })).json<UserBody>();
    expect(
      (await t.admin.request({ method: 'DELETE', url: `/api/users/${user.id}` })).statusCode,
    ).toBe(200);
    expect(
      (await t.admin.request({ method: 'GET', url: `/api/users/${user.id}` })).statusCode,
    ).toBe(404);
    const self = await t.admin.request({ method: 'DELETE', url: `/api/users/${t.admin.id}` });
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({ code: 'user.self_action' });
  });
});

describe('the last active admin', () => {
  it('cannot be demoted, disabled or deleted; with a second admin it can', async () => {
    const solo = await createTestApp();
    try {
      const id = solo.admin.id;
      const demote = await solo.admin.request({
        method: 'PUT',
        url: `/api/users/${id}/role`,
        payload: { role: 'operator' },
      });
      expect(demote.statusCode).toBe(409);
      expect(demote.json()).toMatchObject({ code: 'user.last_admin' });
      const disable = await solo.admin.request({ method: 'POST', url: `/api/users/${id}/disable` });
      expect(disable.json()).toMatchObject({ code: 'user.last_admin' });
      const second = await solo.as('admin');
      const deleteFirst = await second.request({ method: 'DELETE', url: `/api/users/${id}` });
      expect(deleteFirst.statusCode).toBe(200);
      const demoteLast = await second.request({
        method: 'PATCH',
        url: `/api/users/${second.id}`,
        payload: { role: 'viewer' },
      });
      expect(demoteLast.json()).toMatchObject({ code: 'user.last_admin' });
    } finally {
      await solo.close();
    }
  });
});

describe('users with history', () => {
  it('refuses to delete a user who owns jobs, with a hint to disable instead', async () => {
    const user = (await create({ username: 'historian' })).json<UserBody>();
    const now = new Date();
    await t.container.db.repos.jobs.create({
      id: crypto.randomUUID(),
      userId: user.id,
      name: 'release.package',
      status: 'completed',
      releaseType: 'EBOOK',
      groupName: 'GRP',
      releaseName: null,
      payload: {},
      result: null,
      progress: 100,
      progressMessage: null,
      attempts: 1,
      maxAttempts: 3,
      errorCode: null,
      errorMessage: null,
      cancelRequested: false,
      runAfter: now,
      lockedBy: null,
      lockedUntil: null,
      createdAt: now,
      updatedAt: now,
      startedAt: now,
      completedAt: now,
    });
    const response = await t.admin.request({ method: 'DELETE', url: `/api/users/${user.id}` });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ message: string }>().message).toContain('disable');
    expect(
      (await t.admin.request({ method: 'POST', url: `/api/users/${user.id}/disable` })).statusCode,
    ).toBe(200);
  });
});
