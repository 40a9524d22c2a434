import { beforeEach, describe, expect, it } from 'vitest';
import { mergeMetadata } from '../../../../src/metadata/merge.js';
import { MetadataEnrichService } from '../../../../src/services/metadata/enrich.js';
import type { BookEnrichRequest } from '../../../../src/services/metadata/types.js';
import { FakeClock } from '../../../fakes/providers/fake-clock.js';
import { FakeBookProvider } from '../../../fakes/providers/fake-providers.js';

const ISBN = '9780441172719';
const OL = { title: 'Dune', publisher: 'Ace', description: 'Arrakis.', olid: 'OL26242482M' };
const GB = { title: 'Dune', publisher: 'Penguin', pageCount: 544, gbid: 'B1hSG45JCX4C' };

describe('MetadataEnrichService for books', () => {
  let openlibrary: FakeBookProvider;
  let googlebooks: FakeBookProvider;
  let enricher: MetadataEnrichService;

  const request = (overrides: Partial<BookEnrichRequest> = {}): BookEnrichRequest => ({
    type: 'EBOOK',
    settings: {},
    file: { title: 'Dune', authors: ['Frank Herbert'], language: 'en', isbn: ISBN },
    ...overrides,
  });

  beforeEach(() => {
    openlibrary = new FakeBookProvider('openlibrary');
    googlebooks = new FakeBookProvider('googlebooks');
    enricher = new MetadataEnrichService({
      providers: { openlibrary, googlebooks },
      merge: mergeMetadata,
      clock: new FakeClock(),
    });
  });

  it('asks both providers by ISBN and, when they answer, searches no title', async () => {
    openlibrary.script.set(`isbn:${ISBN}`, { kind: 'found', value: OL });
    googlebooks.script.set(`isbn:${ISBN}`, { kind: 'found', value: GB }, true);
    const result = await enricher.enrich(request());
    expect(openlibrary.calls).toEqual([`isbn:${ISBN}`]);
    expect(googlebooks.calls).toEqual([`isbn:${ISBN}`]);
    expect(result.fields).toEqual({
      title: 'Dune',
      authors: ['Frank Herbert'],
      language: 'en',
      isbn: ISBN,
      publisher: 'Ace',
      description: 'Arrakis.',
      pageCount: 544,
      olid: 'OL26242482M',
      gbid: 'B1hSG45JCX4C',
    });
    expect(result.provenance.publisher).toEqual({
      value: 'Ace',
      source: 'openlibrary',
      agreeing: [],
      rejected: [{ source: 'googlebooks', value: 'Penguin' }],
    });
    expect(result.providers).toEqual([
      {
        provider: 'openlibrary',
        lookup: 'isbn',
        outcome: 'found',
        reason: null,
        durationMs: 0,
        fromCache: false,
      },
      {
        provider: 'googlebooks',
        lookup: 'isbn',
        outcome: 'found',
        reason: null,
        durationMs: 0,
        fromCache: true,
      },
    ]);
    expect(result.sources).toEqual(['openlibrary', 'googlebooks']);
    expect(result.type).toBe('EBOOK');
  });

  it('stops after the ISBN lookups when only one of them found the book', async () => {
    googlebooks.script.set(`isbn:${ISBN}`, { kind: 'found', value: GB });
    const result = await enricher.enrich(request());
    expect(openlibrary.calls).toEqual([`isbn:${ISBN}`]);
    expect(result.providers.map((s) => [s.provider, s.lookup, s.outcome])).toEqual([
      ['openlibrary', 'isbn', 'not_found'],
      ['googlebooks', 'isbn', 'found'],
    ]);
  });

  it('searches by title and author when no ISBN lookup found anything', async () => {
    openlibrary.script.set('title:Dune|Frank Herbert', { kind: 'found', value: OL });
    const result = await enricher.enrich(request());
    expect(openlibrary.calls).toEqual([`isbn:${ISBN}`, 'title:Dune|Frank Herbert']);
    expect(googlebooks.calls).toEqual([`isbn:${ISBN}`, 'title:Dune|Frank Herbert']);
    expect(result.providers.map((s) => `${s.provider}/${String(s.lookup)}/${s.outcome}`)).toEqual([
      'openlibrary/isbn/not_found',
      'googlebooks/isbn/not_found',
      'openlibrary/title/found',
      'googlebooks/title/not_found',
    ]);
    expect(result.sources).toEqual(['openlibrary']);
  });

  it('does not ask by title a provider that could not be asked by ISBN', async () => {
    openlibrary.script.set(`isbn:${ISBN}`, {
      kind: 'unavailable',
      reason: 'network error (ECONNREFUSED)',
    });
    await enricher.enrich(request());
    expect(openlibrary.calls).toEqual([`isbn:${ISBN}`]);
    expect(googlebooks.calls).toEqual([`isbn:${ISBN}`, 'title:Dune|Frank Herbert']);
  });

  it('uses pins instead of searching: olid for OpenLibrary, isbn over the file ISBN', async () => {
    openlibrary.script.set('id:OL7353617M', { kind: 'found', value: { title: 'Le Petit Prince' } });
    await enricher.enrich(
      request({
        pins: [
          { scheme: 'olid', value: 'OL7353617M' },
          { scheme: 'isbn', value: '9782070612758' },
        ],
      }),
    );
    expect(openlibrary.calls).toEqual(['id:OL7353617M']);
    expect(googlebooks.calls).toEqual(['isbn:9782070612758']);
  });

  it('says why a provider was not asked', async () => {
    const nothing = await enricher.enrich(request({ file: {} }));
    expect(nothing.providers.map((s) => s.reason)).toEqual([
      'nothing to look up: no ISBN, pinned id or title',
      'nothing to look up: no ISBN, pinned id or title',
    ]);
    const offline = await enricher.enrich(request({ offline: true }));
    expect(offline.providers.map((s) => [s.outcome, s.reason])).toEqual([
      ['skipped', 'offline: no network lookups were made'],
      ['skipped', 'offline: no network lookups were made'],
    ]);
    expect(offline.fields.title).toBe('Dune');
    const off = await enricher.enrich(request({ settings: { googlebooks: { enabled: false } } }));
    expect(off.providers[0]).toMatchObject({
      provider: 'googlebooks',
      reason: 'switched off in the API configuration',
    });
    expect(openlibrary.calls.length + googlebooks.calls.length).toBe(2);
  });

  it('reports a provider that throws and still answers with the others', async () => {
    openlibrary.script.set(`isbn:${ISBN}`, new Error('map exploded'));
    googlebooks.script.set(`isbn:${ISBN}`, { kind: 'found', value: GB });
    const result = await enricher.enrich(request());
    expect(result.providers[0]).toMatchObject({
      provider: 'openlibrary',
      outcome: 'unavailable',
      reason: 'unexpected error: map exploded',
    });
    expect(result.fields.publisher).toBe('Penguin');
  });

  it('lets typed values win and uses a file-name title only as the last resort', async () => {
    openlibrary.script.set(`isbn:${ISBN}`, { kind: 'found', value: OL });
    const typed = await enricher.enrich(request({ user: { publisher: 'Gollancz' } }));
    expect(typed.provenance.publisher?.source).toBe('user');
    const fallback = await enricher.enrich(
      request({ file: { isbn: ISBN }, fileFallback: { title: 'dune_retail_v2', year: 1965 } }),
    );
    expect(fallback.fields).toMatchObject({ title: 'Dune', year: 1965 });
  });

  it('takes the priority as an input', async () => {
    openlibrary.script.set(`isbn:${ISBN}`, { kind: 'found', value: OL });
    googlebooks.script.set(`isbn:${ISBN}`, { kind: 'found', value: GB });
    const result = await enricher.enrich(
      request({ priority: ['googlebooks', 'openlibrary', 'file', 'bogus'] }),
    );
    expect(result.fields.publisher).toBe('Penguin');
  });

  it('looks documents up by ISBN only', async () => {
    const result = await enricher.enrich(request({ type: 'DOCS', file: { title: 'Manual' } }));
    expect(result.type).toBe('DOCS');
    expect(openlibrary.calls).toEqual([]);
    expect(result.providers.map((s) => s.reason)).toEqual([
      'documents are looked up by ISBN or pinned id only',
      'documents are looked up by ISBN or pinned id only',
    ]);
  });

  it('rejects when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    openlibrary.script.set(`isbn:${ISBN}`, new Error('aborted'));
    await expect(enricher.enrich(request({ signal: controller.signal }))).rejects.toThrow(
      'aborted',
    );
  });
});
