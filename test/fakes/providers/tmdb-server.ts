/**
 * A fake TMDb v3 (metadata-apis.md §5) under `/3`. It accepts the v3 key as `api_key` or the
 * read-access token as a bearer and refuses anything else with 401 / status_code 7; unknown
 * series or episodes are 404 / status_code 34; `external_ids` appear only when
 * `append_to_response` asks for them, as on the real API.
 */
import { FakeHttpServer, fixture, type RecordedRequest, type Reply } from './fake-http-server.js';

export const TMDB_API_KEY = '0123456789abcdef0123456789abcdef';
export const TMDB_READ_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJzY2VuZXBhY2tlciJ9.c2lnbmF0dXJl';

export async function startFakeTmdb(): Promise<FakeHttpServer> {
  return FakeHttpServer.start((request) =>
    authorized(request)
      ? route(request)
      : tmdbError(401, 7, 'Invalid API key: You must be granted a valid key.'),
  );
}

function authorized(request: RecordedRequest): boolean {
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  return request.query.get('api_key') === TMDB_API_KEY || bearer === TMDB_READ_TOKEN;
}

function route(request: RecordedRequest): Reply {
  const { path, query } = request;
  if (path === '/3/configuration') {
    return ok(fixture('tmdb', 'configuration'));
  }
  if (path === '/3/search/tv') {
    return searchTv(query.get('query') ?? '');
  }
  const find = /^\/3\/find\/(\w+)$/.exec(path)?.[1];
  if (find !== undefined) {
    return findByExternal(find, query.get('external_source'));
  }
  const episode = /^\/3\/tv\/(\d+)\/season\/(\d+)\/episode\/(\d+)$/.exec(path);
  if (episode) {
    const known = episode[1] === '1396' && episode[2] === '1' && episode[3] === '1';
    return known ? ok(appended(fixture('tmdb', 'episode-1396-s01e01'), query)) : notFound();
  }
  const tv = /^\/3\/tv\/(\d+)$/.exec(path)?.[1];
  if (tv === '1396') {
    return ok(appended(fixture('tmdb', 'tv-1396'), query));
  }
  return notFound();
}

function searchTv(text: string): Reply {
  if (text.toLowerCase().includes('breaking bad')) {
    return ok(fixture('tmdb', 'search-tv-breaking-bad'));
  }
  return ok({ page: 1, results: [], total_pages: 0, total_results: 0 });
}

function findByExternal(id: string, source: string | null): Reply {
  if (source !== 'imdb_id' && source !== 'tvdb_id') {
    return tmdbError(422, 5, 'Invalid parameters: Your request parameters are incorrect.');
  }
  const known =
    (source === 'imdb_id' && id === 'tt0903747') || (source === 'tvdb_id' && id === '81189');
  const search = fixture('tmdb', 'search-tv-breaking-bad') as { results: unknown[] };
  return ok({
    movie_results: [],
    person_results: [],
    tv_results: known ? search.results.slice(0, 1) : [],
    tv_episode_results: [],
    tv_season_results: [],
  });
}

/** Drops `external_ids` unless `append_to_response` names it. */
function appended(record: unknown, query: URLSearchParams): unknown {
  const wanted = (query.get('append_to_response') ?? '').split(',');
  if (wanted.includes('external_ids')) {
    return record;
  }
  const { external_ids: _dropped, ...rest } = record as Record<string, unknown>;
  return rest;
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}

function notFound(): Reply {
  return tmdbError(404, 34, 'The resource you requested could not be found.');
}

export function tmdbError(
  status: number,
  code: number,
  message: string,
  headers?: Record<string, string>,
): Reply {
  return {
    status,
    ...(headers ? { headers } : {}),
    body: { success: false, status_code: code, status_message: message },
  };
}

export const TMDB_429 = tmdbError(
  429,
  25,
  'Your request count (#) is over the allowed limit of (40).',
  {
    'retry-after': '1',
  },
);
