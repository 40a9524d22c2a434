/**
 * A fake openlibrary.org (metadata-apis.md §1): `/isbn/{isbn}.json` answers 302 to the edition,
 * `/books|/works|/authors/{id}.json` serve fixtures, unknown keys get 404 `{"error":"notfound"}`,
 * `/search.json` returns only the default fields unless `fields=` asks for more, and a
 * User-Agent without a contact (no URL, no e-mail) is refused with 403 as seen in the wild.
 */
import { FakeHttpServer, fixture, type RecordedRequest, type Reply } from './fake-http-server.js';

const ISBNS: Record<string, string> = {
  '9780441172719': 'OL26242482M',
  '0441172717': 'OL26242482M',
  '9782070612758': 'OL7353617M',
};

const RECORDS = new Set([
  'books/OL26242482M',
  'books/OL7353617M',
  'works/OL893415W',
  'works/OL1017798W',
  'authors/OL79034A',
  'authors/OL141006A',
]);

/** Search fields OpenLibrary leaves out unless `fields=` names them. */
const NOT_DEFAULT_FIELDS = ['isbn', 'publisher', 'number_of_pages_median', 'subject'];

export interface FakeOpenLibraryOptions {
  /** Serve the not-found body with HTTP 200 (a hedge some clients handle). */
  notFoundWith200?: boolean;
}

export async function startFakeOpenLibrary(
  options: FakeOpenLibraryOptions = {},
): Promise<FakeHttpServer> {
  return FakeHttpServer.start((request) => route(request, options));
}

function route(request: RecordedRequest, options: FakeOpenLibraryOptions): Reply {
  const agent = request.headers['user-agent'] ?? '';
  if (!/@|https?:\/\//.test(agent)) {
    return { status: 403, body: '<html><body>403 Forbidden</body></html>' };
  }
  const isbn = /^\/isbn\/([\dXx]+)\.json$/.exec(request.path)?.[1];
  if (isbn !== undefined) {
    return isbnRedirect(isbn, request.query, options);
  }
  const record = /^\/(books|works|authors)\/(OL\d+[MWA])\.json$/.exec(request.path);
  if (record) {
    const key = `${record[1]}/${record[2]}`;
    return RECORDS.has(key) ? ok(recordFixture(key)) : notFound(`/${key}`, options);
  }
  if (request.path === '/search.json') {
    return search(request.query);
  }
  return notFound(request.path, options);
}

function isbnRedirect(
  isbn: string,
  query: URLSearchParams,
  options: FakeOpenLibraryOptions,
): Reply {
  const olid = ISBNS[isbn];
  if (olid === undefined) {
    return notFound(`/isbn/${isbn}`, options);
  }
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return { status: 302, headers: { location: `/books/${olid}.json${suffix}` }, body: '' };
}

function recordFixture(key: string): unknown {
  const [kind = '', id = ''] = key.split('/');
  const prefix = kind === 'books' ? 'edition' : kind === 'works' ? 'work' : 'author';
  return fixture('openlibrary', `${prefix}-${id}`);
}

function search(query: URLSearchParams): Reply {
  const title = (query.get('title') ?? query.get('q') ?? '').toLowerCase();
  const all = fixture('openlibrary', 'search-dune') as { docs: Record<string, unknown>[] };
  const docs = title.includes('dune') ? all.docs : [];
  const fields = query.get('fields')?.split(',');
  const shaped = docs.map((doc) => pick(doc, fields));
  return ok({
    numFound: shaped.length,
    start: 0,
    numFoundExact: true,
    num_found: shaped.length,
    documentation_url: 'https://openlibrary.org/dev/docs/api/search',
    q: '',
    offset: null,
    docs: shaped,
  });
}

function pick(doc: Record<string, unknown>, fields: string[] | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(doc).filter(([name]) =>
      fields ? fields.includes(name) || fields.includes('*') : !NOT_DEFAULT_FIELDS.includes(name),
    ),
  );
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}

function notFound(key: string, options: FakeOpenLibraryOptions): Reply {
  return { status: options.notFoundWith200 ? 200 : 404, body: { error: 'notfound', key } };
}

/** The nginx front end's 429 body. */
export const OPENLIBRARY_429: Reply = {
  status: 429,
  headers: { 'retry-after': '2' },
  body: {
    status: 429,
    message: 'Too Many Requests. Consider using https://openlibrary.org/developers/dumps.',
  },
};
