import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GoogleBooksProvider } from '../../../../src/metadata/providers/googlebooks/client.js';
import type { ProviderSettings } from '../../../../src/metadata/ports.js';
import type { FakeHttpServer } from '../../../fakes/providers/fake-http-server.js';
import {
  GOOGLE_BAD_KEY,
  GOOGLE_DAILY_LIMIT_403,
  GOOGLE_QUOTA_429,
  GOOGLE_UNKNOWN_LOCATION_403,
  startFakeGoogleBooks,
} from '../../../fakes/providers/googlebooks-server.js';
import { providerKit, type ProviderTestKit } from './support.js';

const DUNE_VOLUME = {
  title: 'Dune',
  subtitle: 'Deluxe Edition',
  authors: ['Frank Herbert'],
  publisher: 'Penguin',
  date: '1990-09-01',
  year: 1990,
  language: 'en',
  isbn: '9780441172719',
  pageCount: 544,
  description:
    'Set on the desert planet Arrakis, Dune is the story of the boy Paul Atreides,\nheir to a noble family.',
  subjects: ['Fiction', 'Science Fiction', 'Classics'],
  coverUrl:
    'https://books.google.com/books/content?id=B1hSG45JCX4C&printsec=frontcover&img=1&zoom=4&source=gbs_api',
  gbid: 'B1hSG45JCX4C',
};

describe('GoogleBooksProvider against the fake Google Books API', () => {
  let server: FakeHttpServer;
  let kit: ProviderTestKit;
  let provider: GoogleBooksProvider;
  let settings: ProviderSettings;

  beforeAll(async () => {
    server = await startFakeGoogleBooks();
    settings = { baseUrl: `${server.origin}/books/v1/`, apiKey: 'good-key' };
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    kit = providerKit();
    provider = new GoogleBooksProvider(kit.options);
  });

  it('searches isbn: and reads the final data from the volume endpoint', async () => {
    const result = await provider.byIsbn('978-0-441-17271-9', settings);
    expect(result).toEqual({ outcome: { kind: 'found', value: DUNE_VOLUME }, fromCache: false });
    expect(server.requests.map((r) => r.path)).toEqual([
      '/books/v1/volumes',
      '/books/v1/volumes/B1hSG45JCX4C',
    ]);
    expect(server.requests[0]?.query.get('q')).toBe('isbn:9780441172719');
    expect(server.requests.every((r) => r.query.get('key') === 'good-key')).toBe(true);
  });

  it('answers not_found when the answer has no items key', async () => {
    const result = await provider.byIsbn('9780000000002', settings);
    expect(result.outcome).toEqual({ kind: 'not_found', reason: 'no volume matches' });
    expect(server.count()).toBe(1);
  });

  it('searches with one intitle:/inauthor: operator per word and picks the exact title', async () => {
    server.replyNext({ status: 404, body: { error: { code: 404, message: 'gone' } } }, 1, /ydQi/);
    const result = await provider.search(
      { title: 'Dune Messiah', author: 'Frank Herbert' },
      settings,
    );
    expect(server.requests[0]?.query.get('q')).toBe(
      'intitle:Dune intitle:Messiah inauthor:Frank inauthor:Herbert',
    );
    // the volume answered 404, so the search record is used
    expect(result.outcome).toEqual({
      kind: 'found',
      value: {
        title: 'Dune Messiah',
        authors: ['Frank Herbert'],
        year: 2008,
        date: '2008',
        language: 'en',
        gbid: 'ydQiDQAAQBAJ',
      },
    });
  });

  it('reads a volume pinned by its id', async () => {
    const result = await provider.byId('B1hSG45JCX4C', settings);
    expect(result.outcome).toEqual({ kind: 'found', value: DUNE_VOLUME });
  });

  it('answers not_found for an unknown volume id served as 404', async () => {
    const strict = await startFakeGoogleBooks({ unknownVolumeStatus: 404 });
    try {
      const result = await provider.byId('nope', { baseUrl: `${strict.origin}/books/v1` });
      expect(result.outcome.kind).toBe('not_found');
    } finally {
      await strict.close();
    }
  });

  it('answers unavailable for an unknown volume id served as 503, after retrying', async () => {
    const result = await provider.byId('nope', settings);
    expect(result.outcome).toEqual({
      kind: 'unavailable',
      reason: 'HTTP 503: Service temporarily unavailable.',
    });
    expect(server.count()).toBe(4);
  });

  it('answers bad_credentials for a key Google rejects', async () => {
    const result = await provider.byIsbn('9780441172719', { ...settings, apiKey: GOOGLE_BAD_KEY });
    expect(result.outcome).toEqual({
      kind: 'bad_credentials',
      reason: 'API key not valid. Please pass a valid API key.',
    });
  });

  it('works without a key, and explains the anonymous quota when it is used up', async () => {
    const keyless = { baseUrl: settings.baseUrl ?? null };
    expect((await provider.byIsbn('9780441172719', keyless)).outcome.kind).toBe('found');
    expect(server.requests[0]?.query.has('key')).toBe(false);
    const exhausted = await startFakeGoogleBooks({ keylessQuotaExhausted: true });
    try {
      const result = await provider.byIsbn('9780441172719', {
        baseUrl: `${exhausted.origin}/books/v1`,
      });
      expect(result.outcome).toMatchObject({ kind: 'rate_limited' });
      expect(result.outcome.kind === 'rate_limited' && result.outcome.reason).toMatch(
        /Quota exceeded.*set an API key/,
      );
      expect(kit.clock.sleeps.slice(-3)).toEqual([1000, 2000, 4000]);
    } finally {
      await exhausted.close();
    }
  });

  it('reads a 403 daily limit as rate_limited without retrying', async () => {
    server.replyNext(GOOGLE_DAILY_LIMIT_403);
    const result = await provider.byIsbn('9780441172719', settings);
    expect(result.outcome).toEqual({
      kind: 'rate_limited',
      reason: 'Daily Limit Exceeded. The quota will be reset at midnight Pacific Time (PT).',
    });
    expect(server.count()).toBe(1);
  });

  it('reads a 403 unknownLocation as unavailable', async () => {
    server.replyNext(GOOGLE_UNKNOWN_LOCATION_403);
    const result = await provider.byIsbn('9780441172719', settings);
    expect(result.outcome.kind).toBe('unavailable');
  });

  it('recovers from a 429 burst with backoff', async () => {
    server.replyNext(GOOGLE_QUOTA_429, 2);
    const result = await provider.byIsbn('9780441172719', settings);
    expect(result.outcome.kind).toBe('found');
    expect(kit.clock.sleeps.slice(0, 2)).toEqual([1000, 2000]);
  });

  it('answers a second identical lookup from the cache, keyed without the API key', async () => {
    await provider.byIsbn('9780441172719', settings);
    const again = await provider.byIsbn('9780441172719', { ...settings, apiKey: 'other-key' });
    expect(again).toEqual({ outcome: { kind: 'found', value: DUNE_VOLUME }, fromCache: true });
    expect(server.count()).toBe(2);
  });

  it('answers unavailable on a timeout', async () => {
    server.delayMs = 200;
    try {
      const result = await provider.byId('B1hSG45JCX4C', { ...settings, timeoutMs: 40 });
      expect(result.outcome).toEqual({ kind: 'unavailable', reason: 'no answer within 40 ms' });
    } finally {
      server.delayMs = 0;
    }
  });
});
