/**
 * A fake Google Books v1 (metadata-apis.md §2) under the real `/books/v1` prefix. `q=isbn:` and
 * `q=intitle:` searches answer from fixtures; no match is `{"kind":"books#volumes","totalItems":0}`
 * with no `items` key at all. Errors use Google's envelope: 400 API_KEY_INVALID for a bad key,
 * 429 RESOURCE_EXHAUSTED when keyless calls hit the shared anonymous quota, and 503 for an
 * unknown volume id (as observed; 404 on request).
 */
import { FakeHttpServer, fixture, type RecordedRequest, type Reply } from './fake-http-server.js';

export const GOOGLE_BAD_KEY = 'not-a-valid-key';

export interface FakeGoogleBooksOptions {
  /** Keyless requests get the anonymous-project 429 (its quota is often 0). */
  keylessQuotaExhausted?: boolean;
  /** Status for an unknown volume id: 503 as observed, or 404. */
  unknownVolumeStatus?: 503 | 404;
}

export async function startFakeGoogleBooks(
  options: FakeGoogleBooksOptions = {},
): Promise<FakeHttpServer> {
  return FakeHttpServer.start((request) => route(request, options));
}

function route(request: RecordedRequest, options: FakeGoogleBooksOptions): Reply {
  const key = request.query.get('key');
  if (key === GOOGLE_BAD_KEY) {
    return { status: 400, body: fixture('googlebooks', 'error-bad-key-400') };
  }
  if (key === null && options.keylessQuotaExhausted) {
    return GOOGLE_QUOTA_429;
  }
  if (request.path === '/books/v1/volumes') {
    return search(request.query);
  }
  const id = /^\/books\/v1\/volumes\/([\w-]+)$/.exec(request.path)?.[1];
  if (id === 'B1hSG45JCX4C') {
    return { status: 200, body: fixture('googlebooks', 'volume-B1hSG45JCX4C') };
  }
  if (id !== undefined && options.unknownVolumeStatus === 404) {
    return { status: 404, body: envelope(404, 'The volume ID could not be found.', 'notFound') };
  }
  return { status: 503, body: fixture('googlebooks', 'error-unavailable-503') };
}

function search(query: URLSearchParams): Reply {
  const maxResults = Number(query.get('maxResults') ?? 10);
  if (maxResults > 40) {
    return { status: 400, body: envelope(400, 'Invalid value at maxResults', 'invalid') };
  }
  const q = (query.get('q') ?? '').toLowerCase();
  const isbn = /isbn:([\dx]+)/.exec(q)?.[1];
  const titleWords = [...q.matchAll(/intitle:(\S+)/g)].map((m) => m[1]);
  const hit = isbn
    ? isbn === '9780441172719' || isbn === '0441172717'
    : titleWords.includes('dune');
  if (!hit) {
    return { status: 200, body: { kind: 'books#volumes', totalItems: 0 } };
  }
  const all = fixture('googlebooks', 'search-dune') as { items: unknown[] };
  const items = isbn ? all.items.slice(0, 1) : all.items;
  return { status: 200, body: { kind: 'books#volumes', totalItems: items.length, items } };
}

function envelope(code: number, message: string, reason: string): unknown {
  return {
    error: { code, message, errors: [{ message, domain: 'global', reason }], status: 'ERROR' },
  };
}

/** The keyless shared-project quota answer. */
export const GOOGLE_QUOTA_429: Reply = {
  status: 429,
  body: fixture('googlebooks', 'error-quota-429'),
};

export const GOOGLE_DAILY_LIMIT_403: Reply = {
  status: 403,
  body: fixture('googlebooks', 'error-daily-limit-403'),
};

export const GOOGLE_UNKNOWN_LOCATION_403: Reply = {
  status: 403,
  body: fixture('googlebooks', 'error-unknown-location-403'),
};
