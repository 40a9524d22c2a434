import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeHttpServer } from '../../fakes/providers/fake-http-server.js';
import { startFakeGoogleBooks } from '../../fakes/providers/googlebooks-server.js';
import { OMDB_KEY, startFakeOmdb, type FakeOmdb } from '../../fakes/providers/omdb-server.js';
import { startFakeOpenLibrary } from '../../fakes/providers/openlibrary-server.js';
import { TMDB_API_KEY, startFakeTmdb } from '../../fakes/providers/tmdb-server.js';
import { TVDB_KEY, startFakeTvdb, type FakeTvdb } from '../../fakes/providers/tvdb-server.js';
import { createTestApp, type Client, type TestApp } from '../../support/app.js';

const FIXTURES = new URL('../../fixtures/metadata/generated/', import.meta.url).pathname;

let t: TestApp;
let operator: Client;
let openlibrary: FakeHttpServer;
let googlebooks: FakeHttpServer;
let tvdb: FakeTvdb;
let tmdb: FakeHttpServer;
let omdb: FakeOmdb;

function multipart(
  name: string,
  content: Buffer,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----scenepackertest';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

beforeAll(async () => {
  t = await createTestApp();
  operator = await t.as('operator');
  [openlibrary, googlebooks, tvdb, tmdb, omdb] = await Promise.all([
    startFakeOpenLibrary(),
    startFakeGoogleBooks(),
    startFakeTvdb(),
    startFakeTmdb(),
    startFakeOmdb(),
  ]);
  const global = [
    { provider: 'openlibrary', baseUrl: openlibrary.origin },
    { provider: 'googlebooks', baseUrl: `${googlebooks.origin}/books/v1` },
    { provider: 'tvdb', baseUrl: `${tvdb.server.origin}/v4`, apiKey: TVDB_KEY },
    { provider: 'tmdb', baseUrl: `${tmdb.origin}/3`, apiKey: TMDB_API_KEY },
    { provider: 'omdb', baseUrl: omdb.server.origin, apiKey: OMDB_KEY },
  ];
  for (const config of global) {
    const response = await t.admin.request({
      method: 'POST',
      url: '/api/config/apis',
      payload: { ...config, scope: 'global' },
    });
    expect(response.statusCode, response.body).toBe(201);
  }
});
afterAll(async () => {
  await Promise.all(
    [openlibrary, googlebooks, tvdb.server, tmdb, omdb.server].map((server) => server.close()),
  );
  await t.close();
});

describe('metadata extraction', () => {
  it('reads a file inside the data dir by path', async () => {
    copyFileSync(join(FIXTURES, 'book2.epub'), join(t.dataDir, 'book2.epub'));
    const response = await operator.request({
      method: 'POST',
      url: '/api/metadata/extract',
      payload: { path: 'book2.epub' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      format: { format: 'epub' },
      metadata: { kind: 'book' },
    });
  });

  it('refuses a path outside the allowed roots', async () => {
    const response = await operator.request({
      method: 'POST',
      url: '/api/metadata/extract',
      payload: { path: '/etc/passwd' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation.path_outside_root' });
  });

  it('reads an upload and leaves nothing behind; refuses content it does not know', async () => {
    const upload = multipart('renamed.pdf', readFileSync(join(FIXTURES, 'x264.mkv')));
    const response = await operator.request({
      method: 'POST',
      url: '/api/metadata/extract',
      ...upload,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      format: { format: 'mkv' },
      metadata: { kind: 'video' },
    });
    const junk = multipart(
      'book.epub',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256)),
    );
    const refused = await operator.request({
      method: 'POST',
      url: '/api/metadata/extract',
      ...junk,
    });
    expect(refused.statusCode).toBe(415);
    expect(refused.json()).toMatchObject({ code: 'metadata.format_unsupported' });
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(join(t.dataDir, 'uploads'))).toEqual([]);
  });

  it('is for operators and admins only', async () => {
    const viewer = await t.as('viewer');
    expect(
      (
        await viewer.request({
          method: 'POST',
          url: '/api/metadata/extract',
          payload: { path: 'book2.epub' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('metadata enrichment', () => {
  it('fills an eBook from OpenLibrary and Google Books with provenance; user values win', async () => {
    const response = await operator.request({
      method: 'POST',
      url: '/api/metadata/enrich',
      payload: {
        type: 'EBOOK',
        metadata: { title: 'Dune', authors: ['Frank Herbert'], isbn: '9780441172719' },
        overrides: { publisher: 'My Press' },
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      fields: Record<string, unknown>;
      provenance: Record<string, { source: string }>;
      providers: { provider: string; outcome: string }[];
    }>();
    expect(body.fields).toMatchObject({ title: 'Dune', publisher: 'My Press', pageCount: 535 });
    expect(body.provenance.publisher?.source).toBe('user');
    expect(body.provenance.pageCount?.source).toBe('openlibrary');
    expect(body.providers.map((p) => [p.provider, p.outcome])).toEqual([
      ['openlibrary', 'found'],
      ['googlebooks', 'found'],
    ]);
  });

  it('enriches a TV episode across the three TV providers with the global keys', async () => {
    const response = await operator.request({
      method: 'POST',
      url: '/api/metadata/enrich',
      payload: { type: 'TV', metadata: { seriesTitle: 'Breaking Bad', season: 1, episode: 1 } },
    });
    const body = response.json<{ fields: Record<string, unknown>; sources: string[] }>();
    expect(body.fields).toMatchObject({
      episodeTitle: 'Pilot',
      network: 'AMC',
      imdbId: 'tt0903747',
    });
    expect(body.sources).toEqual(['tvdb', 'tmdb', 'omdb']);
  });

  it('answers offline with one reason per provider and never fails', async () => {
    const response = await operator.request({
      method: 'POST',
      url: '/api/metadata/enrich',
      payload: { type: 'EBOOK', metadata: { title: 'Offline Book' }, offline: true },
    });
    const body = response.json<{
      fields: Record<string, unknown>;
      providers: { outcome: string; reason: string | null }[];
    }>();
    expect(body.fields).toMatchObject({ title: 'Offline Book' });
    expect(
      body.providers.every((p) => p.outcome === 'skipped' && (p.reason ?? '').length > 0),
    ).toBe(true);
  });

  it('refuses unknown fields and bad pins', async () => {
    expect(
      (
        await operator.request({
          method: 'POST',
          url: '/api/metadata/enrich',
          payload: { type: 'EBOOK', metadata: { colour: 'red' } },
        })
      ).statusCode,
    ).toBe(400);
    const badPin = await operator.request({
      method: 'POST',
      url: '/api/metadata/enrich',
      payload: { type: 'EBOOK', pins: ['isbn:123'] },
    });
    expect(badPin.statusCode).toBe(400);
    expect(badPin.json()).toMatchObject({ code: 'validation.failed' });
  });
});

describe('provider configuration test', () => {
  it('logs in to TheTVDB with the configured key and reports success', async () => {
    const response = await operator.request({ method: 'POST', url: '/api/config/apis/tvdb/test' });
    expect(response.json()).toMatchObject({ success: true, details: { source: 'global' } });
    expect(tvdb.tokens.length).toBeGreaterThan(0);
  });

  it('reports a bad key precisely, keeps it masked, and tests again without a cache', async () => {
    await operator.request({
      method: 'POST',
      url: '/api/config/apis',
      payload: { provider: 'omdb', apiKey: 'wrong-omdb-key', baseUrl: omdb.server.origin },
    });
    const response = await operator.request({ method: 'POST', url: '/api/config/apis/omdb/test' });
    expect(response.json()).toMatchObject({
      success: false,
      details: { code: 'metadata.bad_credentials', source: 'user' },
    });
    expect(response.body).not.toContain('wrong-omdb-key');
    await operator.request({
      method: 'PUT',
      url: '/api/config/apis/omdb',
      payload: { apiKey: OMDB_KEY },
    });
    expect(
      (await operator.request({ method: 'POST', url: '/api/config/apis/omdb/test' })).json(),
    ).toMatchObject({ success: true });
  });

  it('says when no key is configured, and when the provider is unreachable', async () => {
    const solo = await createTestApp();
    try {
      expect(
        (await solo.admin.request({ method: 'POST', url: '/api/config/apis/tmdb/test' })).json(),
      ).toMatchObject({ success: false, details: { code: 'metadata.bad_credentials' } });
      await solo.admin.request({
        method: 'POST',
        url: '/api/config/apis',
        payload: { provider: 'openlibrary', baseUrl: 'http://127.0.0.1:9' },
      });
      const unreachable = await solo.admin.request({
        method: 'POST',
        url: '/api/config/apis/openlibrary/test',
      });
      expect(unreachable.json()).toMatchObject({
        success: false,
        details: { code: 'metadata.unavailable' },
      });
    } finally {
      await solo.close();
    }
  }, 60_000);
});
