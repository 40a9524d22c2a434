/**
 * A fake TheTVDB v4 (metadata-apis.md §4) under `/v4`. `POST /login` hands out month-long JWTs
 * (a subscriber key needs its PIN); every other route wants `Authorization: Bearer <token>` and
 * answers 401 `Unauthorized` for a missing, unknown or expired one. Envelopes are
 * `{"status":"success","data":…}` / `{"status":"failure","message":…,"data":null}`.
 */
import { FakeHttpServer, fixture, type RecordedRequest, type Reply } from './fake-http-server.js';

export const TVDB_KEY = 'tvdb-project-key';
/** A user-supported key: it needs TVDB_PIN. */
export const TVDB_USER_KEY = 'tvdb-user-key';
export const TVDB_PIN = '4242';

const MONTH_SECONDS = 30 * 24 * 3600;

export interface FakeTvdb {
  server: FakeHttpServer;
  /** Makes every token handed out so far invalid, as if a month had passed. */
  expireTokens(): void;
  /** Tokens handed out, oldest first. */
  readonly tokens: string[];
}

export async function startFakeTvdb(now: () => number = Date.now): Promise<FakeTvdb> {
  const valid = new Set<string>();
  const tokens: string[] = [];
  const server = await FakeHttpServer.start((request) => {
    if (request.path === '/v4/login' && request.method === 'POST') {
      return login(request, now, (token) => {
        valid.add(token);
        tokens.push(token);
      });
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (bearer === undefined || !valid.has(bearer)) {
      return failure(401, 'Unauthorized');
    }
    return route(request);
  }, 'application/json; charset=UTF-8');
  return {
    server,
    tokens,
    expireTokens: () => {
      valid.clear();
    },
  };
}

function login(request: RecordedRequest, now: () => number, issue: (token: string) => void): Reply {
  const body = parse(request.body);
  const apikey = body?.apikey;
  const pin = body?.pin;
  if (apikey === TVDB_USER_KEY && pin === undefined) {
    return failure(400, 'InvalidValueType: pin required');
  }
  const accepted = apikey === TVDB_KEY || (apikey === TVDB_USER_KEY && pin === TVDB_PIN);
  if (!accepted) {
    return failure(401, 'InvalidAPIKey: apikey invalid');
  }
  const token = jwt(Math.floor(now() / 1000) + MONTH_SECONDS);
  issue(token);
  return { status: 200, body: { status: 'success', data: { token } } };
}

function route(request: RecordedRequest): Reply {
  const { path, query } = request;
  if (path === '/v4/search') {
    return search(query.get('query') ?? query.get('q') ?? '');
  }
  const remote = /^\/v4\/search\/remoteid\/(\w+)$/.exec(path)?.[1];
  if (remote !== undefined) {
    return remoteId(remote);
  }
  const series = /^\/v4\/series\/(\d+)\/extended$/.exec(path)?.[1];
  if (series !== undefined) {
    return record(`series-${series}-extended`, 'error fetching series');
  }
  const episodes = /^\/v4\/series\/(\d+)\/episodes\/default$/.exec(path)?.[1];
  if (episodes !== undefined) {
    return episodesOf(episodes, query);
  }
  const episode = /^\/v4\/episodes\/(\d+)\/extended$/.exec(path)?.[1];
  if (episode !== undefined) {
    return record(`episode-${episode}-extended`, 'error fetching episode');
  }
  return failure(404, 'NotFoundException: not found');
}

function search(text: string): Reply {
  const name = text.toLowerCase();
  if (name.includes('breaking bad')) {
    return { status: 200, body: fixture('tvdb', 'search-breaking-bad') };
  }
  if (name.includes('attack on titan') || name.includes('shingeki')) {
    return { status: 200, body: fixture('tvdb', 'search-shingeki') };
  }
  return { status: 200, body: { status: 'success', data: [] } };
}

function remoteId(id: string): Reply {
  if (id !== 'tt0903747') {
    return { status: 200, body: { status: 'success', data: [] } };
  }
  const series = { id: 81189, name: 'Breaking Bad', slug: 'breaking-bad', year: '2008' };
  return { status: 200, body: { status: 'success', data: [{ series }] } };
}

function episodesOf(series: string, query: URLSearchParams): Reply {
  if (!query.has('page')) {
    return failure(400, 'page is required');
  }
  if (query.has('episodeNumber') && !query.has('season')) {
    return failure(400, 'episodeNumber requires season');
  }
  if (series === '81189' && query.get('season') === '1' && query.get('episodeNumber') === '1') {
    return { status: 200, body: fixture('tvdb', 'episodes-81189-s01e01') };
  }
  if (series !== '81189' && series !== '267440') {
    return failure(404, 'NotFoundException: error fetching series');
  }
  const base = { id: Number(series), name: 'Series', slug: 'series', year: '2008' };
  return { status: 200, body: { status: 'success', data: { series: base, episodes: [] } } };
}

function record(name: string, missing: string): Reply {
  try {
    return { status: 200, body: fixture('tvdb', name) };
  } catch {
    return failure(404, `NotFoundException: ${missing}`);
  }
}

function failure(status: number, message: string): Reply {
  return { status, body: { status: 'failure', message, data: null } };
}

function parse(body: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** An unsigned JWT-shaped token with an `exp` claim, as TVDB's carries one. */
function jwt(exp: number): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const nonce = Math.random().toString(36).slice(2);
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ exp, id: nonce })}.c2lnbmF0dXJl`;
}
