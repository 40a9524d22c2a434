import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../support/app.js';

let t: TestApp;
let operator: Client;
beforeAll(async () => {
  t = await createTestApp();
  operator = await t.as('operator');
});
afterAll(async () => t.close());

describe('preferences', () => {
  it('falls back user → global → built-in default and says where each value comes from', async () => {
    const byDefault = await operator.request({
      method: 'GET',
      url: '/api/preferences/nfo.encoding',
    });
    expect(byDefault.json()).toEqual({ key: 'nfo.encoding', value: 'cp437', source: 'default' });
    await t.admin.request({
      method: 'PUT',
      url: '/api/preferences/nfo.encoding',
      payload: { value: 'utf-8', scope: 'global' },
    });
    expect(
      (await operator.request({ method: 'GET', url: '/api/preferences/nfo.encoding' })).json(),
    ).toMatchObject({ value: 'utf-8', source: 'global' });
    await operator.request({
      method: 'PUT',
      url: '/api/preferences/nfo.encoding',
      payload: { value: 'ascii' },
    });
    expect(
      (await operator.request({ method: 'GET', url: '/api/preferences/nfo.encoding' })).json(),
    ).toMatchObject({ value: 'ascii', source: 'user' });
    expect(
      (await t.admin.request({ method: 'GET', url: '/api/preferences/nfo.encoding' })).json(),
    ).toMatchObject({ value: 'utf-8', source: 'global' });
    const missing = await operator.request({ method: 'GET', url: '/api/preferences/no.such.key' });
    expect(missing.statusCode).toBe(404);
  });

  it('lists effective values with sources', async () => {
    const response = await operator.request({ method: 'GET', url: '/api/preferences?effective=1' });
    const items = response.json<{ items: { key: string; source: string }[] }>().items;
    expect(items.find((item) => item.key === 'ui.locale')).toMatchObject({ source: 'default' });
    expect(items.find((item) => item.key === 'nfo.encoding')).toMatchObject({ source: 'user' });
  });

  it('keeps the global scope for admins', async () => {
    const response = await operator.request({
      method: 'POST',
      url: '/api/preferences',
      payload: { key: 'retention.days', value: 5, scope: 'global' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'auth.forbidden' });
  });

  it('exports, wipes and re-imports a user’s preferences exactly', async () => {
    const user = await t.as('operator');
    const values = {
      'release.defaultSource': 'SCAN',
      'MYGRP+EBOOK+default': { template: 'x', rules: ['a', 'b'] },
      'retention.days': 7,
    };
    expect(
      (
        await user.request({
          method: 'POST',
          url: '/api/preferences/import',
          payload: { preferences: values },
        })
      ).json(),
    ).toEqual({ importedCount: 3 });
    const exported = (await user.request({ method: 'POST', url: '/api/preferences/export' })).json<{
      preferences: Record<string, unknown>;
    }>();
    expect(exported.preferences).toEqual(values);
    for (const key of Object.keys(values)) {
      expect(
        (
          await user.request({
            method: 'DELETE',
            url: `/api/preferences/${encodeURIComponent(key)}`,
          })
        ).statusCode,
      ).toBe(200);
    }
    expect((await user.request({ method: 'POST', url: '/api/preferences/export' })).json()).toEqual(
      { preferences: {} },
    );
    await user.request({ method: 'POST', url: '/api/preferences/import', payload: exported });
    expect((await user.request({ method: 'POST', url: '/api/preferences/export' })).json()).toEqual(
      exported,
    );
  });

  it('lets a viewer set personal UI preferences only', async () => {
    const viewer = await t.as('viewer');
    expect(
      (
        await viewer.request({
          method: 'PUT',
          url: '/api/preferences/ui.locale',
          payload: { value: 'fr' },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await viewer.request({
          method: 'PUT',
          url: '/api/preferences/retention.days',
          payload: { value: 1 },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('paths', () => {
  it('resolves user → global → default and stores absolute paths inside the data dir', async () => {
    const start = await operator.request({ method: 'GET', url: '/api/paths/MYGRP/EBOOK' });
    expect(start.json()).toEqual({
      groupName: 'MYGRP',
      releaseType: 'EBOOK',
      outputDir: join(t.dataDir, 'releases'),
      inputDir: null,
      source: 'default',
    });
    const global = await t.admin.request({
      method: 'PUT',
      url: '/api/paths/MYGRP/EBOOK',
      payload: { outputDir: 'out/global', scope: 'global' },
    });
    expect(global.json()).toMatchObject({
      outputDir: join(t.dataDir, 'out/global'),
      scope: 'global',
    });
    expect(
      (await operator.request({ method: 'GET', url: '/api/paths/MYGRP/EBOOK' })).json(),
    ).toMatchObject({ source: 'global' });
    await operator.request({
      method: 'POST',
      url: '/api/paths/MYGRP/EBOOK',
      payload: { outputDir: join(t.dataDir, 'mine'), inputDir: 'incoming' },
    });
    expect(
      (await operator.request({ method: 'GET', url: '/api/paths/MYGRP/EBOOK' })).json(),
    ).toMatchObject({
      source: 'user',
      outputDir: join(t.dataDir, 'mine'),
      inputDir: join(t.dataDir, 'incoming'),
    });
    const groups = (await operator.request({ method: 'GET', url: '/api/paths/groups' })).json<{
      groups: Record<string, Record<string, { scope: string }>>;
    }>();
    expect(groups.groups.MYGRP?.EBOOK?.scope).toBe('user');
  });

  it('refuses paths outside the allowed roots and any ".." with 400', async () => {
    for (const outputDir of ['/etc', '../escape', 'a/../../b', '/tmp/elsewhere']) {
      const response = await operator.request({
        method: 'PUT',
        url: '/api/paths/MYGRP/TV',
        payload: { outputDir },
      });
      expect(response.statusCode, outputDir).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation.path_outside_root' });
    }
  });

  it('accepts a root an admin allowed', async () => {
    const extra = join(t.dataDir, '..');
    await t.admin.request({
      method: 'PUT',
      url: '/api/preferences/paths.allowedRoots',
      payload: { value: [extra], scope: 'global' },
    });
    const response = await operator.request({
      method: 'PUT',
      url: '/api/paths/MYGRP/TV',
      payload: { outputDir: join(extra, 'tv-out') },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('templates', () => {
  it('serves a built-in default, lets admins create one that becomes the single default, and renders it', async () => {
    const builtin = await operator.request({
      method: 'GET',
      url: '/api/templates/default?kind=nfo&releaseType=TV',
    });
    expect(builtin.json()).toMatchObject({ id: null, builtin: true, isDefault: true });
    const content = 'Release: {{ release_name }}\n{% if isbn %}ISBN {{ isbn }}{% endif %}';
    const created = await t.admin.request({
      method: 'POST',
      url: '/api/templates',
      payload: { name: 'house', kind: 'nfo', releaseType: 'TV', content, isDefault: true },
    });
    expect(created.statusCode).toBe(201);
    const first = created.json<{ id: string }>();
    const second = await t.admin.request({
      method: 'POST',
      url: '/api/templates',
      payload: { name: 'house 2', kind: 'nfo', releaseType: 'TV', content, isDefault: true },
    });
    const secondId = second.json<{ id: string }>().id;
    expect(
      (await operator.request({ method: 'GET', url: `/api/templates/${first.id}` })).json(),
    ).toMatchObject({ isDefault: false });
    expect(
      (
        await operator.request({
          method: 'GET',
          url: '/api/templates/default?kind=nfo&releaseType=TV',
        })
      ).json(),
    ).toMatchObject({ id: secondId });
    const rendered = await operator.request({
      method: 'POST',
      url: `/api/templates/${secondId}/render`,
      payload: { data: { release_name: 'Show.S01E01-GRP', isbn: '' } },
    });
    expect(rendered.json()).toMatchObject({
      text: 'Release: Show.S01E01-GRP\n',
      templateId: secondId,
    });
    const deleteDefault = await t.admin.request({
      method: 'DELETE',
      url: `/api/templates/${secondId}`,
    });
    expect(deleteDefault.json()).toMatchObject({ code: 'template.is_default' });
    expect(
      (await t.admin.request({ method: 'DELETE', url: `/api/templates/${first.id}` })).statusCode,
    ).toBe(200);
  });

  it('keeps writes for admins and refuses templates that do not render', async () => {
    const denied = await operator.request({
      method: 'POST',
      url: '/api/templates',
      payload: { name: 'x', kind: 'nfo', releaseType: 'EBOOK', content: 'x' },
    });
    expect(denied.statusCode).toBe(403);
    const broken = await t.admin.request({
      method: 'POST',
      url: '/api/templates',
      payload: { name: 'broken', kind: 'nfo', releaseType: 'EBOOK', content: '{% if %}' },
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json()).toMatchObject({ code: 'template.render_failed' });
  });

  it('refuses file system access from a template', async () => {
    const preview = await operator.request({
      method: 'POST',
      url: '/api/templates/preview',
      payload: { kind: 'nfo', releaseType: 'EBOOK', content: "{% include '/etc/passwd' %}" },
    });
    expect(preview.statusCode).toBe(422);
    expect(preview.body).not.toContain('root:');
  });
});

describe('built-in templates', () => {
  it.each(['EBOOK', 'DOCS', 'TV'] as const)(
    'renders the %s NFO and DIZ with sample data inside the width limits',
    async (releaseType) => {
      for (const kind of ['nfo', 'diz'] as const) {
        const template = (
          await operator.request({
            method: 'GET',
            url: `/api/templates/default?kind=${kind}&releaseType=${releaseType}`,
          })
        ).json<{ content: string }>();
        const preview = await operator.request({
          method: 'POST',
          url: '/api/templates/preview',
          payload: { kind, releaseType, content: template.content },
        });
        expect(preview.statusCode).toBe(200);
        const { text, warnings } = preview.json<{ text: string; warnings: string[] }>();
        expect(warnings).toEqual([]);
        const width = kind === 'nfo' ? 80 : 44;
        expect(text.split('\n').every((line) => Array.from(line).length <= width)).toBe(true);
        expect(text.replace(/\s/g, '')).toContain('MYGRP');
      }
    },
  );
});

describe('dashboard', () => {
  it('counts users and names who did what in recent activity', async () => {
    const stats = (await t.admin.request({ method: 'GET', url: '/api/dashboard/stats' })).json<{
      users: { total: number; byRole: Record<string, number> };
      recentActivity: { username: string | null; action: string }[];
    }>();
    expect(stats.users.total).toBeGreaterThanOrEqual(2);
    expect(stats.users.byRole.admin).toBeGreaterThanOrEqual(1);
    expect(stats.recentActivity.length).toBeGreaterThan(0);
    expect(stats.recentActivity.some((entry) => entry.username === 'admin')).toBe(true);
  });
});
