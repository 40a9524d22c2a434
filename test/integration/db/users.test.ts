import { describe, expect, it } from 'vitest';
import { buildUser, createUser, uniqueName } from '../../factories/index.js';
import { DIALECTS, useTestDatabase } from './databases.js';

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.url === undefined)(`users on ${dialect.name}`, () => {
    const t = useTestDatabase(dialect);

    it('creates a user and reads back the identical row', async () => {
      const user = buildUser({ lastLoginAt: new Date(Date.UTC(2025, 5, 1, 8, 30, 15, 999)) });
      expect(await t.repos.users.create(user)).toEqual(user);
      expect(await t.repos.users.findById(user.id)).toEqual(user);
    });

    it('answers undefined for an unknown id, name or e-mail', async () => {
      expect(await t.repos.users.findById('00000000-0000-4000-8000-000000000000')).toBeUndefined();
      expect(await t.repos.users.findByUsername('nobody-here')).toBeUndefined();
      expect(await t.repos.users.findByEmail('nobody@nowhere.test')).toBeUndefined();
    });

    it('finds users by name and e-mail whatever the case', async () => {
      const user = await createUser(t.repos, {
        username: uniqueName('MixedCase'),
        email: `${uniqueName('Mail')}@Example.TEST`,
      });
      expect((await t.repos.users.findByUsername(user.username.toUpperCase()))?.id).toBe(user.id);
      expect((await t.repos.users.findByEmail(user.email!.toLowerCase()))?.id).toBe(user.id);
    });

    it('refuses a second user whose name differs only in case', async () => {
      const user = await createUser(t.repos, { username: uniqueName('Taken') });
      await expect(
        createUser(t.repos, { username: user.username.toUpperCase() }),
      ).rejects.toMatchObject({
        code: 'resource.conflict',
        details: { constraint: 'users_username_key_unique' },
      });
    });

    it('refuses a second user with the same e-mail in another case, but allows many without', async () => {
      const user = await createUser(t.repos);
      await expect(createUser(t.repos, { email: user.email!.toUpperCase() })).rejects.toMatchObject(
        {
          code: 'resource.conflict',
          details: { constraint: 'users_email_key_unique' },
        },
      );
      await createUser(t.repos, { email: null });
      await createUser(t.repos, { email: null });
    });

    it('refuses a duplicate id with the primary key as constraint', async () => {
      const user = await createUser(t.repos);
      await expect(createUser(t.repos, { id: user.id })).rejects.toMatchObject({
        code: 'resource.conflict',
        details: { constraint: 'users_pkey' },
      });
    });

    it('updates fields, keeps id and createdAt, and follows a renamed user', async () => {
      const user = await createUser(t.repos);
      const renamed = uniqueName('Renamed');
      const later = new Date(user.updatedAt.getTime() + 5_000);
      const updated = await t.repos.users.update(user.id, {
        username: renamed,
        email: null,
        disabled: true,
        mustChangePassword: true,
        updatedAt: later,
        lastLoginAt: later,
      });
      expect(updated).toEqual({
        ...user,
        username: renamed,
        email: null,
        disabled: true,
        mustChangePassword: true,
        updatedAt: later,
        lastLoginAt: later,
      });
      expect((await t.repos.users.findByUsername(renamed.toLowerCase()))?.id).toBe(user.id);
      expect(await t.repos.users.findByUsername(user.username)).toBeUndefined();
    });

    it('ignores id and createdAt in a patch and returns undefined for an unknown id', async () => {
      const user = await createUser(t.repos);
      const sneaky = { id: 'other', createdAt: new Date(0) } as unknown as { displayName: string };
      expect(await t.repos.users.update(user.id, sneaky)).toEqual(user);
      expect(await t.repos.users.update(user.id, {})).toEqual(user);
      expect(
        await t.repos.users.update('00000000-0000-4000-8000-000000000000', { displayName: 'x' }),
      ).toBeUndefined();
    });

    it('deletes a user once', async () => {
      const user = await createUser(t.repos);
      expect(await t.repos.users.delete(user.id)).toBe(true);
      expect(await t.repos.users.delete(user.id)).toBe(false);
      expect(await t.repos.users.findById(user.id)).toBeUndefined();
    });

    it('lists newest first with filters, search and a total', async () => {
      const tag = uniqueName('lst').replace(/-/g, '');
      const a = await createUser(t.repos, { username: `${tag}_a`, role: 'viewer' });
      const b = await createUser(t.repos, { username: `${tag}_b`, role: 'viewer', disabled: true });
      const c = await createUser(t.repos, {
        username: `${tag}_c`,
        role: 'admin',
        displayName: 'Zoë 100%_off',
      });
      const all = await t.repos.users.list({ search: tag }, { limit: 10, offset: 0 });
      expect(all).toEqual({ items: [c, b, a], total: 3 });
      const page = await t.repos.users.list({ search: tag }, { limit: 1, offset: 1 });
      expect(page).toEqual({ items: [b], total: 3 });
      const viewers = await t.repos.users.list(
        { search: tag, role: 'viewer', disabled: false },
        { limit: 10, offset: 0 },
      );
      expect(viewers).toEqual({ items: [a], total: 1 });
      const literal = await t.repos.users.list({ search: '100%_OFF' }, { limit: 10, offset: 0 });
      expect(literal.items.map((u) => u.id)).toEqual([c.id]);
      const wildcard = await t.repos.users.list({ search: '1%f' }, { limit: 10, offset: 0 });
      expect(wildcard.items).toEqual([]);
    });

    it('counts active admins and users per role', async () => {
      const before = await t.repos.users.countByRole();
      const admins = await t.repos.users.countActiveAdmins();
      await createUser(t.repos, { role: 'admin' });
      await createUser(t.repos, { role: 'admin', disabled: true });
      await createUser(t.repos, { role: 'viewer' });
      expect(await t.repos.users.countActiveAdmins()).toBe(admins + 1);
      expect(await t.repos.users.countByRole()).toEqual({
        admin: before.admin + 2,
        operator: before.operator,
        viewer: before.viewer + 1,
      });
    });
  });
}
