import { describe, expect, it } from 'vitest';
import {
  buildDestination,
  buildTemplate,
  createDestination,
  createTemplate,
  createUser,
  newId,
  uniqueName,
} from '../../factories/index.js';
import { DIALECTS, useTestDatabase } from './databases.js';

const PAGE = { limit: 50, offset: 0 };

for (const dialect of DIALECTS) {
  describe.skipIf(dialect.url === undefined)(
    `templates and destinations on ${dialect.name}`,
    () => {
      const t = useTestDatabase(dialect);

      describe('templates', () => {
        it('creates a template with large CP437-art content and reads it back', async () => {
          const user = await createUser(t.repos);
          const art = '▄█▀ ░▒▓█ ╔═╗ ║ ╚═╝ ☺☻♥ 📚 '.repeat(4_000);
          const template = buildTemplate({ createdBy: user.id, content: art, description: null });
          expect(await t.repos.templates.create(template)).toEqual(template);
          expect(await t.repos.templates.findById(template.id)).toEqual(template);
          expect(await t.repos.templates.findById(newId())).toBeUndefined();
        });

        it('refuses the same name twice for one kind and type, but not across types', async () => {
          const template = await createTemplate(t.repos);
          await expect(createTemplate(t.repos, { name: template.name })).rejects.toMatchObject({
            code: 'resource.conflict',
            details: { constraint: 'templates_name_unique' },
          });
          await createTemplate(t.repos, { name: template.name, releaseType: 'TV' });
          await createTemplate(t.repos, { name: template.name.toUpperCase() });
        });

        it('finds the default and clears the others', async () => {
          const kind = 'diz';
          const a = await createTemplate(t.repos, { kind, releaseType: 'DOCS', isDefault: true });
          expect(await t.repos.templates.findDefault(kind, 'DOCS')).toEqual(a);
          const b = await createTemplate(t.repos, { kind, releaseType: 'DOCS', isDefault: true });
          const tv = await createTemplate(t.repos, { kind, releaseType: 'TV', isDefault: true });
          await t.repos.templates.clearDefault(kind, 'DOCS', b.id);
          expect(await t.repos.templates.findDefault(kind, 'DOCS')).toEqual(b);
          expect((await t.repos.templates.findById(a.id))?.isDefault).toBe(false);
          expect((await t.repos.templates.findById(tv.id))?.isDefault).toBe(true);
          expect(await t.repos.templates.findDefault('nfo', 'DOCS')).toBeUndefined();
        });

        it('lists newest first by kind and type with a total', async () => {
          const c1 = await createTemplate(t.repos, { kind: 'nfo', releaseType: 'TV' });
          const c2 = await createTemplate(t.repos, { kind: 'nfo', releaseType: 'TV' });
          const tvNfo = await t.repos.templates.list({ kind: 'nfo', releaseType: 'TV' }, PAGE);
          expect(tvNfo.items.slice(0, 2)).toEqual([c2, c1]);
          expect(tvNfo.total).toBe(tvNfo.items.length);
          const all = await t.repos.templates.list({}, { limit: 1, offset: 0 });
          expect(all.items).toHaveLength(1);
          expect(all.total).toBeGreaterThan(tvNfo.total);
        });

        it('updates and deletes', async () => {
          const template = await createTemplate(t.repos);
          const updatedAt = new Date(template.updatedAt.getTime() + 1);
          const updated = await t.repos.templates.update(template.id, {
            content: 'new',
            isDefault: true,
            updatedAt,
          });
          expect(updated).toEqual({ ...template, content: 'new', isDefault: true, updatedAt });
          expect(await t.repos.templates.update(newId(), { content: 'x' })).toBeUndefined();
          expect(await t.repos.templates.delete(template.id)).toBe(true);
          expect(await t.repos.templates.delete(template.id)).toBe(false);
        });
      });

      describe('destinations', () => {
        it('creates an SFTP destination with every optional field and reads it back', async () => {
          const user = await createUser(t.repos);
          const destination = buildDestination({
            userId: user.id,
            protocol: 'sftp',
            port: 2222,
            passwordEnc: null,
            privateKeyEnc: 'enc:v1:' + 'k'.repeat(3_000),
            passphraseEnc: 'enc:v1:pass',
            hostKeyFingerprint: 'SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
            tlsFingerprint: 'AB:CD:EF',
            passive: false,
            groupName: 'SCENE',
            releaseType: 'TV',
            enabled: false,
          });
          expect(await t.repos.destinations.create(destination)).toEqual(destination);
          expect(await t.repos.destinations.findById(destination.id)).toEqual(destination);
          expect(await t.repos.destinations.findByName(user.id, destination.name)).toEqual(
            destination,
          );
          expect(await t.repos.destinations.findByName(user.id, 'missing')).toBeUndefined();
        });

        it('names are unique per user and compared case-sensitively', async () => {
          const site = await createDestination(t.repos);
          await expect(
            createDestination(t.repos, { userId: site.userId, name: site.name }),
          ).rejects.toMatchObject({
            code: 'resource.conflict',
            details: { constraint: 'destinations_user_name_unique' },
          });
          await createDestination(t.repos, { name: site.name });
          const upper = await createDestination(t.repos, {
            userId: site.userId,
            name: site.name.toUpperCase(),
          });
          expect(await t.repos.destinations.findByName(site.userId, upper.name)).toEqual(upper);
          expect(await t.repos.destinations.findByName(site.userId, site.name)).toEqual(site);
        });

        it('lists by owner, group and enabled, newest first', async () => {
          const user = await createUser(t.repos);
          const groupName = uniqueName('G').replace(/-/g, '');
          const a = await createDestination(t.repos, { userId: user.id, groupName });
          const b = await createDestination(t.repos, { userId: user.id, enabled: false });
          const c = await createDestination(t.repos, { userId: user.id, groupName });
          expect(await t.repos.destinations.list({ userId: user.id }, PAGE)).toEqual({
            items: [c, b, a],
            total: 3,
          });
          expect(await t.repos.destinations.list({ groupName }, PAGE)).toEqual({
            items: [c, a],
            total: 2,
          });
          expect(
            await t.repos.destinations.list({ userId: user.id, enabled: false }, PAGE),
          ).toEqual({ items: [b], total: 1 });
          const everyone = await t.repos.destinations.list({}, { limit: 2, offset: 0 });
          expect(everyone.items).toEqual([c, b]);
          expect((await t.repos.destinations.all()).slice(0, 3)).toEqual([c, b, a]);
        });

        it('updates and deletes', async () => {
          const site = await createDestination(t.repos);
          const updated = await t.repos.destinations.update(site.id, {
            host: 'sftp.example.test',
            passive: false,
            timeoutMs: 5_000,
          });
          expect(updated).toEqual({
            ...site,
            host: 'sftp.example.test',
            passive: false,
            timeoutMs: 5_000,
          });
          expect(await t.repos.destinations.update(newId(), { port: 1 })).toBeUndefined();
          expect(await t.repos.destinations.delete(site.id)).toBe(true);
          expect(await t.repos.destinations.delete(site.id)).toBe(false);
        });
      });
    },
  );
}
