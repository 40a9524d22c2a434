/**
 * A fake OMDb (metadata-apis.md §3): one endpoint, everything in the query string (keys read
 * case-insensitively, as ASP.NET does). Every value is a string and "N/A" means absent. Errors are
 * `{"Response":"False","Error":…}`: 401 for a missing or bad key and for the daily limit, HTTP 200
 * for everything else ("Series not found!", "Series or episode not found!", "Incorrect IMDb ID.").
 */
import { FakeHttpServer, fixture, type RecordedRequest, type Reply } from './fake-http-server.js';

export const OMDB_KEY = 'omdbkey1';

export interface FakeOmdb {
  server: FakeHttpServer;
  /** Requests the server accepted per key today; beyond `dailyLimit` it says "Request limit reached!". */
  readonly used: Map<string, number>;
  dailyLimit: number;
}

export async function startFakeOmdb(dailyLimit = 1000): Promise<FakeOmdb> {
  const used = new Map<string, number>();
  const fake: { state?: FakeOmdb } = {};
  const server = await FakeHttpServer.start(
    (request) => answer(request, fake.state!),
    'application/json; charset=utf-8',
  );
  fake.state = { server, used, dailyLimit };
  return fake.state;
}

function answer(request: RecordedRequest, state: FakeOmdb): Reply {
  const query = lowerCaseKeys(request.query);
  const key = query.get('apikey');
  if (key === undefined || key === '') {
    return error(401, 'No API key provided.');
  }
  if (key !== OMDB_KEY) {
    return error(401, 'Invalid API key!');
  }
  const count = (state.used.get(key) ?? 0) + 1;
  state.used.set(key, count);
  if (count > state.dailyLimit) {
    return error(401, 'Request limit reached!');
  }
  return lookup(query);
}

function lookup(query: Map<string, string>): Reply {
  const season = query.get('season');
  const episode = query.get('episode');
  const id = query.get('i');
  const title = query.get('t')?.toLowerCase();
  const series = id === 'tt0903747' || title === 'breaking bad';
  if (id !== undefined && !/^tt\d{7,8}$/.test(id)) {
    return error(200, 'Incorrect IMDb ID.');
  }
  if (id === 'tt0959621') {
    return found('episode-tt0959621');
  }
  if (season !== undefined && episode !== undefined) {
    return series && season === '1' && episode === '1'
      ? found('episode-tt0959621')
      : error(200, 'Series or episode not found!');
  }
  if (series) {
    return found('series-tt0903747');
  }
  if (id !== undefined) {
    return error(200, 'Incorrect IMDb ID.');
  }
  return error(200, query.get('type') === 'series' ? 'Series not found!' : 'Movie not found!');
}

function lowerCaseKeys(query: URLSearchParams): Map<string, string> {
  return new Map([...query].map(([name, value]) => [name.toLowerCase(), value]));
}

function found(name: string): Reply {
  return { status: 200, body: fixture('omdb', name) };
}

function error(status: number, message: string): Reply {
  return { status, body: { Response: 'False', Error: message } };
}
