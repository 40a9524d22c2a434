/**
 * OpenLibrary (no key). An ISBN resolves through `/isbn/{isbn}.json`, which redirects to the
 * edition; the edition's work gives the description and subjects and its author keys give the
 * names. Searches ask for the non-default fields explicitly. Requests are spaced for OpenLibrary's
 * 3 requests/s allowance for identified clients, and every request carries the User-Agent with a
 * contact that OpenLibrary asks for.
 */
import type {
  BookFields,
  BookProvider,
  BookQuery,
  LookupOutcome,
  LookupResult,
  ProviderSettings,
} from '../../ports.js';
import { DAY_SECONDS, type Exchange, type ExchangeDeps } from '../shared/exchange.js';
import { interpretStatus, rateLimited } from '../shared/interpret.js';
import { isRecord, text, type JsonRecord } from '../shared/json.js';
import { comparableTitle, isbn13 } from '../shared/normalise.js';
import {
  baseUrlOf,
  exchangeDeps,
  runLookup,
  timeoutOf,
  type ProviderOptions,
} from '../shared/options.js';
import { intervalFor } from '../shared/rate-limiter.js';
import type { HttpReply } from '../shared/transport.js';
import { authorKeys, mapEdition, mapSearchDoc, mapWork, workKey } from './map.js';
import type { RawAuthor, RawEdition, RawSearch, RawSearchDoc, RawWork } from './raw.js';

const PUBLIC_URL = 'https://openlibrary.org';
const SEARCH_FIELDS = [
  'key',
  'title',
  'author_name',
  'isbn',
  'publisher',
  'number_of_pages_median',
  'first_publish_year',
  'cover_i',
  'cover_edition_key',
  'language',
  'subject',
].join(',');

type Step<T> = LookupOutcome<T>;

/** One lookup's context: where to ask, how long to wait, and its exchange. */
interface Call {
  exchange: Exchange;
  settings: ProviderSettings;
  signal: AbortSignal | undefined;
}

export class OpenLibraryProvider implements BookProvider {
  readonly kind = 'book';
  readonly name = 'openlibrary';
  readonly requiresKey = false;
  private readonly deps: ExchangeDeps;

  constructor(options: ProviderOptions) {
    this.deps = exchangeDeps('openlibrary', options, intervalFor(3));
  }

  byIsbn(
    isbn: string,
    settings: ProviderSettings,
    signal?: AbortSignal,
  ): Promise<LookupResult<BookFields>> {
    const normal = isbn13(isbn);
    if (normal === undefined) {
      return Promise.resolve(invalid(`"${isbn}" is not a valid ISBN`));
    }
    return runLookup(this.deps, (exchange) =>
      this.edition({ exchange, settings, signal }, `/isbn/${normal}.json`),
    );
  }

  byId(id: string, settings: ProviderSettings, signal?: AbortSignal) {
    const olid = id.trim().toUpperCase();
    if (/^OL\d+M$/.test(olid)) {
      return runLookup(this.deps, (exchange) =>
        this.edition({ exchange, settings, signal }, `/books/${olid}.json`),
      );
    }
    if (/^OL\d+W$/.test(olid)) {
      return runLookup(this.deps, (exchange) => this.work({ exchange, settings, signal }, olid));
    }
    return Promise.resolve(invalid(`"${id}" is not an OpenLibrary edition or work id`));
  }

  search(query: BookQuery, settings: ProviderSettings, signal?: AbortSignal) {
    return runLookup(this.deps, (exchange) =>
      this.searchFlow({ exchange, settings, signal }, query),
    );
  }

  private async edition(call: Call, path: string): Promise<Step<BookFields>> {
    const resolved = path.startsWith('/isbn/') ? await this.redirected(call, path) : path;
    if (typeof resolved !== 'string') {
      return resolved;
    }
    const answer = await this.record(call, resolved);
    if (answer.kind !== 'found') {
      return answer;
    }
    const edition = answer.value as unknown as RawEdition;
    const key = workKey(edition);
    const work = key === undefined ? undefined : await this.optional(call, `${key}.json`);
    if (work?.kind === 'failed') {
      return work.failure;
    }
    const workRecord = work?.value as RawWork | undefined;
    const authors = await this.authors(call, authorKeys(edition, workRecord));
    if (!Array.isArray(authors)) {
      return authors;
    }
    return { kind: 'found', value: mapEdition(edition, workRecord, authors) };
  }

  private async work(call: Call, olid: string): Promise<Step<BookFields>> {
    const answer = await this.record(call, `/works/${olid}.json`);
    if (answer.kind !== 'found') {
      return answer;
    }
    const work = answer.value as unknown as RawWork;
    const authors = await this.authors(call, authorKeys(undefined, work));
    return Array.isArray(authors) ? { kind: 'found', value: mapWork(work, authors) } : authors;
  }

  private async searchFlow(call: Call, query: BookQuery): Promise<Step<BookFields>> {
    const params = new URLSearchParams({ title: query.title, fields: SEARCH_FIELDS, limit: '10' });
    const author = query.author?.trim();
    if (author) {
      params.set('author', author);
    }
    const answer = await this.get(call, `/search.json?${params.toString()}`);
    if (answer.kind !== 'found') {
      return answer;
    }
    if (!isRecord(answer.value) || !Array.isArray(answer.value.docs)) {
      return { kind: 'bad_response', reason: 'search answer without a docs list' };
    }
    const doc = bestDoc((answer.value as unknown as RawSearch).docs, query.title);
    if (doc === undefined) {
      return { kind: 'not_found', reason: 'no work matches the title' };
    }
    const work = await this.optional(call, `${doc.key}.json`);
    return work.kind === 'failed'
      ? work.failure
      : { kind: 'found', value: mapSearchDoc(doc, work.value as RawWork | undefined) };
  }

  /**
   * Where `/isbn/…` redirects to. Followed by hand so that the second request waits its turn in
   * the rate limit and the ISBN → edition step is cached on its own.
   */
  private async redirected(call: Call, path: string): Promise<string | Step<never>> {
    const answer = await this.get(call, path, 'manual');
    if (answer.kind !== 'found') {
      return answer;
    }
    const location = isRecord(answer.value) ? text(answer.value.location) : undefined;
    if (location === undefined) {
      return { kind: 'bad_response', reason: `${path} answered without redirecting to an edition` };
    }
    const target = new URL(location, 'http://redirect.invalid');
    return `${target.pathname}${target.search}`;
  }

  /** The authors' records in order; one that is gone is left out, any other failure ends. */
  private async authors(call: Call, keys: string[]): Promise<RawAuthor[] | Step<never>> {
    const authors: RawAuthor[] = [];
    for (const key of keys) {
      const author = await this.optional(call, `${key}.json`);
      if (author.kind === 'failed') {
        return author.failure;
      }
      if (author.value) {
        authors.push(author.value as unknown as RawAuthor);
      }
    }
    return authors;
  }

  /** A record that may be missing without failing the lookup (a work, an author). */
  private async optional(
    call: Call,
    path: string,
  ): Promise<
    { kind: 'found'; value: JsonRecord | undefined } | { kind: 'failed'; failure: Step<never> }
  > {
    const answer = await this.record(call, path);
    if (answer.kind === 'found') {
      return answer;
    }
    return answer.kind === 'not_found'
      ? { kind: 'found', value: undefined }
      : { kind: 'failed', failure: answer };
  }

  /** A `/books|/works|/authors` record: a JSON object with a string `key`. */
  private async record(call: Call, path: string): Promise<Step<JsonRecord>> {
    const answer = await this.get(call, path);
    if (answer.kind !== 'found') {
      return answer;
    }
    return isRecord(answer.value) && typeof answer.value.key === 'string'
      ? { kind: 'found', value: answer.value }
      : { kind: 'bad_response', reason: `${path} did not answer with a record` };
  }

  private get(call: Call, path: string, redirect?: 'manual'): Promise<Step<unknown>> {
    return call.exchange.json(
      {
        url: `${baseUrlOf(call.settings, PUBLIC_URL)}${path}`,
        ...(redirect ? { redirect } : {}),
        timeoutMs: timeoutOf(call.settings),
        ttlSeconds: DAY_SECONDS,
        ...(call.signal ? { signal: call.signal } : {}),
      },
      interpret,
    );
  }
}

/** OpenLibrary says "not found" in the body, sometimes with HTTP 200. */
function interpret(reply: HttpReply): Step<unknown> {
  const location = reply.headers.get('location');
  if (reply.status >= 300 && reply.status < 400 && location !== null) {
    return { kind: 'found', value: { location } };
  }
  const body = isRecord(reply.json) ? reply.json : undefined;
  if (body?.error === 'notfound') {
    return { kind: 'not_found', reason: `${text(body.key) ?? 'record'} not found` };
  }
  if (reply.status === 403) {
    const reason =
      'refused (HTTP 403): OpenLibrary wants a User-Agent naming the app and a contact';
    return { kind: 'bad_credentials', reason };
  }
  if (reply.status === 429) {
    return rateLimited(reply, `HTTP 429: ${text(body?.message) ?? 'too many requests'}`);
  }
  return interpretStatus(reply);
}

/** The doc whose title is the asked one (ignoring case and punctuation), else the first. */
function bestDoc(docs: RawSearchDoc[], title: string): RawSearchDoc | undefined {
  const wanted = comparableTitle(title);
  const usable = docs.filter((doc) => isRecord(doc) && typeof doc.key === 'string');
  return usable.find((doc) => comparableTitle(doc.title ?? '') === wanted) ?? usable[0];
}

function invalid(reason: string): LookupResult<BookFields> {
  return { outcome: { kind: 'not_found', reason }, fromCache: true };
}
