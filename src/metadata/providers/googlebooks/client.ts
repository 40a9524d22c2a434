/**
 * Google Books v1. An ISBN is searched as `q=isbn:…`, a title as `intitle:`/`inauthor:` words
 * (the form Google documents); the chosen volume is then read from `/volumes/{id}`, whose record
 * is fuller and sometimes different from the search one. A search without `items` is not_found.
 * The key is optional: keyless calls share Google's anonymous quota, which is often exhausted.
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
import { isRecord, list, text } from '../shared/json.js';
import { isbn13 } from '../shared/normalise.js';
import {
  baseUrlOf,
  exchangeDeps,
  runLookup,
  timeoutOf,
  type ProviderOptions,
} from '../shared/options.js';
import type { Credentials, HttpReply } from '../shared/transport.js';
import { mapVolume } from './map.js';
import type { RawError, RawVolume } from './raw.js';

const PUBLIC_URL = 'https://www.googleapis.com/books/v1';

type Step<T> = LookupOutcome<T>;

interface Call {
  exchange: Exchange;
  settings: ProviderSettings;
  signal: AbortSignal | undefined;
}

export class GoogleBooksProvider implements BookProvider {
  readonly kind = 'book';
  readonly name = 'googlebooks';
  readonly requiresKey = false;
  private readonly deps: ExchangeDeps;

  constructor(options: ProviderOptions) {
    // No per-second limit is published; a tenth of a second keeps a burst polite.
    this.deps = exchangeDeps('googlebooks', options, 100);
  }

  byIsbn(
    isbn: string,
    settings: ProviderSettings,
    signal?: AbortSignal,
  ): Promise<LookupResult<BookFields>> {
    const normal = isbn13(isbn);
    if (normal === undefined) {
      const reason = `"${isbn}" is not a valid ISBN`;
      return Promise.resolve({ outcome: { kind: 'not_found', reason }, fromCache: true });
    }
    return runLookup(this.deps, (exchange) =>
      this.searchThenVolume({ exchange, settings, signal }, `isbn:${normal}`, undefined),
    );
  }

  byId(id: string, settings: ProviderSettings, signal?: AbortSignal) {
    return runLookup(this.deps, (exchange) =>
      this.volume({ exchange, settings, signal }, id.trim()),
    );
  }

  search(query: BookQuery, settings: ProviderSettings, signal?: AbortSignal) {
    return runLookup(this.deps, (exchange) =>
      this.searchThenVolume({ exchange, settings, signal }, searchTerms(query), query.title),
    );
  }

  private async searchThenVolume(
    call: Call,
    q: string,
    title: string | undefined,
  ): Promise<Step<BookFields>> {
    const params = new URLSearchParams({ q, maxResults: '10', printType: 'books' });
    const answer = await this.get(call, `/volumes?${params.toString()}`);
    if (answer.kind !== 'found') {
      return answer;
    }
    if (!isRecord(answer.value) || answer.value.kind !== 'books#volumes') {
      return { kind: 'bad_response', reason: 'search answer is not a books#volumes list' };
    }
    const items = list(answer.value.items).filter(isVolume);
    const chosen = title === undefined ? items[0] : bestVolume(items, title);
    if (chosen === undefined) {
      return { kind: 'not_found', reason: 'no volume matches' };
    }
    const full = await this.volume(call, chosen.id);
    // The search record is the fallback only when the volume itself has gone since.
    return full.kind === 'not_found' ? { kind: 'found', value: mapVolume(chosen) } : full;
  }

  private async volume(call: Call, id: string): Promise<Step<BookFields>> {
    if (!/^[\w-]+$/.test(id)) {
      return { kind: 'not_found', reason: `"${id}" is not a Google Books volume id` };
    }
    const answer = await this.get(call, `/volumes/${id}`);
    if (answer.kind !== 'found') {
      return answer;
    }
    return isVolume(answer.value)
      ? { kind: 'found', value: mapVolume(answer.value) }
      : { kind: 'bad_response', reason: `/volumes/${id} did not answer with a volume` };
  }

  private get(call: Call, path: string): Promise<Step<unknown>> {
    const key = call.settings.apiKey?.trim();
    const auth: Credentials | undefined = key ? { query: { key } } : undefined;
    return call.exchange.json(
      {
        url: `${baseUrlOf(call.settings, PUBLIC_URL)}${path}`,
        timeoutMs: timeoutOf(call.settings),
        ttlSeconds: DAY_SECONDS,
        ...(auth ? { auth } : {}),
        ...(call.signal ? { signal: call.signal } : {}),
      },
      (reply) => interpret(reply, auth !== undefined),
    );
  }
}

/** Google's `intitle:`/`inauthor:` operators apply to one word each, so every word gets one. */
function searchTerms(query: BookQuery): string {
  const words = (value: string | null | undefined, operator: string): string[] =>
    (value ?? '')
      .split(/[^\p{L}\p{N}']+/u)
      .filter((word) => word !== '')
      .map((word) => `${operator}:${word}`);
  return [...words(query.title, 'intitle'), ...words(query.author, 'inauthor')].join(' ');
}

function isVolume(value: unknown): value is RawVolume {
  return isRecord(value) && typeof value.id === 'string' && isRecord(value.volumeInfo);
}

function bestVolume(items: RawVolume[], title: string): RawVolume | undefined {
  const wanted = title.trim().toLowerCase();
  return items.find((item) => item.volumeInfo.title?.trim().toLowerCase() === wanted) ?? items[0];
}

const QUOTA_REASONS = new Set([
  'rateLimitExceeded',
  'dailyLimitExceeded',
  'userRateLimitExceeded',
  'quotaExceeded',
]);

/** Google's error envelope: the `reason` decides between quota, key and location problems. */
function interpret(reply: HttpReply, keyed: boolean): Step<unknown> {
  const error =
    isRecord(reply.json) && isRecord(reply.json.error)
      ? (reply.json as unknown as RawError).error
      : undefined;
  if (error === undefined) {
    return interpretStatus(reply);
  }
  const message = text(error.message) ?? `HTTP ${reply.status}`;
  const reasons = [
    ...list(error.errors).map((item) => (isRecord(item) ? text(item.reason) : undefined)),
    ...list(error.details).map((item) => (isRecord(item) ? text(item.reason) : undefined)),
  ];
  if (reasons.includes('API_KEY_INVALID') || reasons.includes('keyInvalid')) {
    return { kind: 'bad_credentials', reason: message };
  }
  if (reply.status === 429 || reasons.some((reason) => QUOTA_REASONS.has(reason ?? ''))) {
    const hint = keyed ? '' : ' (keyless requests share Google’s anonymous quota; set an API key)';
    return rateLimited(reply, `${message}${hint}`);
  }
  if (reasons.includes('unknownLocation')) {
    return { kind: 'unavailable', reason: message };
  }
  return interpretStatus(reply, message);
}
