import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenLibraryProvider } from '../../../../src/metadata/providers/openlibrary/client.js';
import type { ProviderSettings } from '../../../../src/metadata/ports.js';
import type { FakeHttpServer } from '../../../fakes/providers/fake-http-server.js';
import {
  OPENLIBRARY_429,
  startFakeOpenLibrary,
} from '../../../fakes/providers/openlibrary-server.js';
import { deadBaseUrl, providerKit, type ProviderTestKit } from './support.js';

const DUNE = {
  title: 'Dune',
  subtitle: 'Deluxe Edition',
  authors: ['Frank Herbert'],
  publisher: 'Ace',
  date: '1990',
  year: 1990,
  language: 'en',
  isbn: '9780441172719',
  pageCount: 535,
  description: 'Set on the desert planet Arrakis, Dune is the story of the boy Paul Atreides.',
  subjects: ['Science fiction', 'Dune (Imaginary place)'],
  coverUrl: 'https://covers.openlibrary.org/b/id/11481354-L.jpg',
  olid: 'OL26242482M',
};

describe('OpenLibraryProvider against the fake openlibrary.org', () => {
  let server: FakeHttpServer;
  let kit: ProviderTestKit;
  let provider: OpenLibraryProvider;
  let settings: ProviderSettings;

  beforeAll(async () => {
    server = await startFakeOpenLibrary();
    settings = { baseUrl: server.origin };
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    server.delayMs = 0;
    kit = providerKit();
    provider = new OpenLibraryProvider(kit.options);
  });

  describe('by ISBN', () => {
    it('follows the redirect to the edition and adds the work and the author names', async () => {
      const result = await provider.byIsbn('0-441-17271-7', settings);
      expect(result).toEqual({ outcome: { kind: 'found', value: DUNE }, fromCache: false });
      expect(server.requests.map((r) => r.path)).toEqual([
        '/isbn/9780441172719.json',
        '/books/OL26242482M.json',
        '/works/OL893415W.json',
        '/authors/OL79034A.json',
      ]);
    });

    it('identifies itself with a User-Agent that names the app and a contact', async () => {
      await provider.byIsbn('9780441172719', settings);
      expect(server.requests[0]?.headers['user-agent']).toMatch(/^scenepacker\/.+\(\+https:/);
    });

    it('takes the authors from the work when the edition has none, and plain-string descriptions', async () => {
      const result = await provider.byIsbn('9782070612758', settings);
      expect(result.outcome).toEqual({
        kind: 'found',
        value: {
          title: 'Le Petit Prince',
          authors: ['Antoine de Saint-Exupéry'],
          publisher: 'Gallimard',
          year: 1999,
          language: 'fr',
          isbn: '9782070612758',
          description: "Un aviateur rencontre un petit prince venu d'une autre planète.",
          subjects: ['Fairy tales', 'Princes'],
          olid: 'OL7353617M',
        },
      });
    });

    it('answers not_found for an unknown ISBN (404 notfound)', async () => {
      const result = await provider.byIsbn('9780000000002', settings);
      expect(result.outcome).toEqual({
        kind: 'not_found',
        reason: '/isbn/9780000000002 not found',
      });
    });

    it('answers not_found for the notfound body even with HTTP 200', async () => {
      const lenient = await startFakeOpenLibrary({ notFoundWith200: true });
      try {
        const result = await provider.byIsbn('9780000000002', { baseUrl: lenient.origin });
        expect(result.outcome.kind).toBe('not_found');
      } finally {
        await lenient.close();
      }
    });

    it('answers not_found without a request for something that is not an ISBN', async () => {
      const result = await provider.byIsbn('9780441172710', settings);
      expect(result.outcome).toEqual({
        kind: 'not_found',
        reason: '"9780441172710" is not a valid ISBN',
      });
      expect(server.count()).toBe(0);
    });
  });

  describe('by id and by search', () => {
    it('reads an edition pinned by its olid', async () => {
      const result = await provider.byId('ol26242482m', settings);
      expect(result.outcome).toEqual({ kind: 'found', value: DUNE });
    });

    it('reads a work pinned by its olid', async () => {
      const result = await provider.byId('OL893415W', settings);
      expect(result.outcome).toEqual({
        kind: 'found',
        value: {
          title: 'Dune',
          authors: ['Frank Herbert'],
          year: 1965,
          description: DUNE.description,
          subjects: DUNE.subjects,
          coverUrl: DUNE.coverUrl,
          olid: 'OL893415W',
        },
      });
    });

    it('searches with fields= and prefers the work whose title is the one asked', async () => {
      const result = await provider.search(
        { title: 'Dune Messiah', author: 'Frank Herbert' },
        settings,
      );
      expect(result.outcome).toEqual({
        kind: 'found',
        value: {
          title: 'Dune Messiah',
          authors: ['Frank Herbert'],
          publisher: 'Putnam',
          year: 1969,
          language: 'en',
          isbn: '9780441172696',
          pageCount: 256,
          olid: 'OL20000W',
        },
      });
      const query = server.requests[0]?.query;
      expect(query?.get('title')).toBe('Dune Messiah');
      expect(query?.get('author')).toBe('Frank Herbert');
      expect(query?.get('fields')?.split(',')).toEqual(
        expect.arrayContaining(['isbn', 'publisher', 'number_of_pages_median', 'subject']),
      );
    });

    it('adds the description of the work found by a search', async () => {
      const result = await provider.search({ title: 'dune' }, settings);
      expect(result.outcome).toMatchObject({
        kind: 'found',
        value: { title: 'Dune', description: DUNE.description, olid: 'OL26242482M' },
      });
    });

    it('answers not_found when the search finds nothing', async () => {
      const result = await provider.search({ title: 'Nothing Like This' }, settings);
      expect(result.outcome).toEqual({ kind: 'not_found', reason: 'no work matches the title' });
    });
  });

  describe('cache', () => {
    it('answers a second identical lookup from the cache without any request', async () => {
      await provider.byIsbn('9780441172719', settings);
      const sent = server.count();
      const again = await provider.byIsbn('9780441172719', settings);
      expect(again).toEqual({ outcome: { kind: 'found', value: DUNE }, fromCache: true });
      expect(server.count()).toBe(sent);
    });

    it('remembers not_found too, but asks again after 24 hours', async () => {
      await provider.byIsbn('9780000000002', settings);
      expect((await provider.byIsbn('9780000000002', settings)).fromCache).toBe(true);
      kit.clock.advance(24 * 3600 * 1000 + 1);
      expect((await provider.byIsbn('9780000000002', settings)).fromCache).toBe(false);
      expect(server.count()).toBe(2);
    });

    it('does not remember failures', async () => {
      server.replyNext({ status: 503, body: 'down' }, 4);
      expect((await provider.byIsbn('9780441172719', settings)).outcome.kind).toBe('unavailable');
      expect((await provider.byIsbn('9780441172719', settings)).outcome.kind).toBe('found');
    });
  });

  describe('retries, rate limits and failures', () => {
    it('retries a 5xx after 1 s, 2 s and 4 s on the injected clock', async () => {
      server.replyNext({ status: 503, body: 'busy' }, 3);
      const result = await provider.byIsbn('9780441172719', settings);
      expect(result.outcome.kind).toBe('found');
      expect(kit.clock.sleeps.slice(0, 3)).toEqual([1000, 2000, 4000]);
      expect(server.count(/^\/isbn\//)).toBe(4);
    });

    it('answers unavailable after the third retry fails', async () => {
      server.replyNext({ status: 500, body: 'oops' }, 4);
      const result = await provider.byIsbn('9780441172719', settings);
      expect(result.outcome).toEqual({ kind: 'unavailable', reason: 'HTTP 500' });
      expect(kit.clock.sleeps).toEqual([1000, 2000, 4000]);
    });

    it('waits for Retry-After on a 429, then carries on', async () => {
      server.replyNext(OPENLIBRARY_429, 1);
      const result = await provider.byIsbn('9780441172719', settings);
      expect(result.outcome.kind).toBe('found');
      expect(kit.clock.sleeps[0]).toBe(2000);
    });

    it('answers rate_limited with Retry-After when the 429s do not stop', async () => {
      server.replyNext(OPENLIBRARY_429, 4);
      const result = await provider.byIsbn('9780441172719', settings);
      expect(result.outcome).toEqual({
        kind: 'rate_limited',
        reason:
          'HTTP 429: Too Many Requests. Consider using https://openlibrary.org/developers/dumps.',
        retryAfterSeconds: 2,
      });
      expect(kit.clock.sleeps).toEqual([2000, 2000, 2000]);
    });

    it('does not wait when Retry-After is longer than a minute', async () => {
      server.replyNext({ ...OPENLIBRARY_429, headers: { 'retry-after': '3600' } }, 1);
      const result = await provider.byIsbn('9780441172719', settings);
      expect(result.outcome).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 3600 });
      expect(kit.clock.sleeps).toEqual([]);
      expect(server.count()).toBe(1);
    });

    it('keeps to 3 requests per second', async () => {
      await provider.byIsbn('9780441172719', settings);
      // four requests in one lookup: three waits of a third of a second
      expect(kit.clock.sleeps).toEqual([334, 334, 334]);
    });

    it('answers unavailable when the server does not answer in time', async () => {
      server.delayMs = 300;
      const result = await provider.byIsbn('9780441172719', { ...settings, timeoutMs: 50 });
      expect(result.outcome).toEqual({ kind: 'unavailable', reason: 'no answer within 50 ms' });
      expect(kit.clock.sleeps).toEqual([1000, 2000, 4000]);
    });

    it('answers unavailable when nothing listens', async () => {
      const result = await provider.byIsbn('9780441172719', { baseUrl: await deadBaseUrl() });
      expect(result.outcome).toEqual({
        kind: 'unavailable',
        reason: 'network error (ECONNREFUSED)',
      });
    });

    it('reports the 403 given to a User-Agent without a contact as a credentials problem', async () => {
      const anonymous = new OpenLibraryProvider({ ...kit.options, userAgent: 'scenepacker' });
      const result = await anonymous.byIsbn('9780441172719', settings);
      expect(result.outcome.kind).toBe('bad_credentials');
    });

    it('rejects with the reason when the caller aborts', async () => {
      const controller = new AbortController();
      controller.abort(new Error('job cancelled'));
      await expect(provider.byIsbn('9780441172719', settings, controller.signal)).rejects.toThrow(
        'job cancelled',
      );
    });
  });
});
