/**
 * TheTVDB v4. `POST /login` (key, and PIN for user-supported keys) gives a month-long token that
 * TvdbTokens keeps; every other call sends it as a bearer, logging in only when a request really
 * goes out (cache hits need no token) and once more after a 401. A lookup is: series search (or
 * an id), the extended series record with translations, the episode by aired season and number,
 * and that episode's extended record for its English title and IMDb id.
 */
import type {
  EpisodeRef,
  LookupOutcome,
  LookupResult,
  ProviderSettings,
  TokenStore,
  TvFields,
  TvIdRef,
  TvProvider,
  TvQuery,
} from '../../ports.js';
import {
  DAY_SECONDS,
  type Exchange,
  type ExchangeDeps,
  type ExchangeRequest,
} from '../shared/exchange.js';
import { interpretStatus } from '../shared/interpret.js';
import { isRecord, list, text } from '../shared/json.js';
import {
  baseUrlOf,
  exchangeDeps,
  missingKey,
  runLookup,
  timeoutOf,
  type ProviderOptions,
} from '../shared/options.js';
import type { HttpReply } from '../shared/transport.js';
import { bestHit, mapEpisode, mapSeries } from './map.js';
import type { RawEpisode, RawEpisodeExtended, RawSearchResult, RawSeriesExtended } from './raw.js';
import { TvdbTokens, tokenKey } from './token.js';

const PUBLIC_URL = 'https://api4.thetvdb.com/v4';

type Step<T> = LookupOutcome<T>;

export interface TvdbOptions extends ProviderOptions {
  tokens: TokenStore;
}

interface Call {
  exchange: Exchange;
  settings: ProviderSettings;
  signal: AbortSignal | undefined;
  baseUrl: string;
  tokenKey: string;
  token?: string;
}

export class TvdbProvider implements TvProvider {
  readonly kind = 'tv';
  readonly name = 'tvdb';
  readonly requiresKey = true;
  readonly idSchemes = ['tvdb', 'imdb'] as const;
  private readonly deps: ExchangeDeps;
  private readonly tokens: TvdbTokens;

  constructor(options: TvdbOptions) {
    // No limit is published; ten requests a second is polite and never slows one lookup much.
    this.deps = exchangeDeps('tvdb', options, 100);
    this.tokens = new TvdbTokens(options.tokens, options.clock);
  }

  search(
    query: TvQuery,
    settings: ProviderSettings,
    signal?: AbortSignal,
  ): Promise<LookupResult<TvFields>> {
    return this.lookup(settings, signal, (call) => this.searchFlow(call, query));
  }

  byId(ref: TvIdRef, episode: EpisodeRef, settings: ProviderSettings, signal?: AbortSignal) {
    return this.lookup(settings, signal, (call) => this.idFlow(call, ref, episode));
  }

  private lookup(
    settings: ProviderSettings,
    signal: AbortSignal | undefined,
    flow: (call: Call) => Promise<Step<TvFields>>,
  ): Promise<LookupResult<TvFields>> {
    const noKey = missingKey(settings);
    if (noKey) {
      return Promise.resolve({ outcome: noKey, fromCache: true });
    }
    const baseUrl = baseUrlOf(settings, PUBLIC_URL);
    return runLookup(this.deps, (exchange) =>
      flow({ exchange, settings, signal, baseUrl, tokenKey: tokenKey(baseUrl, settings) }),
    );
  }

  private async searchFlow(call: Call, query: TvQuery): Promise<Step<TvFields>> {
    const params = new URLSearchParams({ query: query.title, type: 'series' });
    const answer = await this.data(call, `/search?${params.toString()}`);
    if (answer.kind !== 'found') {
      return answer;
    }
    const hits = list(answer.value).filter((hit): hit is RawSearchResult => isRecord(hit));
    const hit = bestHit(hits, query.title, query.year);
    const id = text(hit?.tvdb_id) ?? text(hit?.id)?.replace(/^series-/, '');
    if (hit === undefined || id === undefined) {
      return { kind: 'not_found', reason: 'no series matches the title' };
    }
    return this.series(call, id, query, hit);
  }

  private async idFlow(call: Call, ref: TvIdRef, episode: EpisodeRef): Promise<Step<TvFields>> {
    if (ref.scheme === 'tvdb' && /^\d+$/.test(ref.id)) {
      return this.series(call, ref.id, episode, undefined);
    }
    if (ref.scheme === 'imdb' && /^tt\d+$/.test(ref.id)) {
      const answer = await this.data(call, `/search/remoteid/${ref.id}`);
      if (answer.kind !== 'found') {
        return answer;
      }
      const series = list(answer.value).find((item) => isRecord(item) && isRecord(item.series));
      const id = isRecord(series) && isRecord(series.series) ? series.series.id : undefined;
      return typeof id === 'number'
        ? this.series(call, String(id), episode, undefined)
        : { kind: 'not_found', reason: `no series has the IMDb id ${ref.id}` };
    }
    return { kind: 'not_found', reason: `TheTVDB cannot resolve the ${ref.scheme} id "${ref.id}"` };
  }

  private async series(
    call: Call,
    id: string,
    ep: EpisodeRef,
    hit: RawSearchResult | undefined,
  ): Promise<Step<TvFields>> {
    const answer = await this.data(call, `/series/${id}/extended?meta=translations&short=true`);
    if (answer.kind !== 'found') {
      return answer;
    }
    if (!isRecord(answer.value) || typeof answer.value.id !== 'number') {
      return { kind: 'bad_response', reason: `series ${id} came without its record` };
    }
    const series = answer.value as unknown as RawSeriesExtended;
    const fields = mapSeries(series, hit);
    if (ep.season === null || ep.episode === null) {
      return { kind: 'found', value: fields };
    }
    const episode = await this.episode(call, id, ep.season, ep.episode, series.originalLanguage);
    if (episode.kind === 'not_found') {
      return { kind: 'found', value: fields };
    }
    return episode.kind === 'found'
      ? { kind: 'found', value: { ...fields, ...episode.value } }
      : episode;
  }

  private async episode(
    call: Call,
    seriesId: string,
    season: number,
    number: number,
    originalLanguage: string | undefined,
  ): Promise<Step<TvFields>> {
    const params = new URLSearchParams({
      page: '0',
      season: String(season),
      episodeNumber: String(number),
    });
    const answer = await this.data(
      call,
      `/series/${seriesId}/episodes/default?${params.toString()}`,
    );
    if (answer.kind !== 'found') {
      return answer;
    }
    const first = isRecord(answer.value) ? list(answer.value.episodes)[0] : undefined;
    if (!isRecord(first) || typeof first.id !== 'number') {
      return { kind: 'not_found', reason: `no episode S${season}E${number}` };
    }
    const episode = first as unknown as RawEpisode;
    const extended = await this.data(
      call,
      `/episodes/${String(episode.id)}/extended?meta=translations`,
    );
    if (extended.kind !== 'found' && extended.kind !== 'not_found') {
      return extended;
    }
    const record =
      extended.kind === 'found' && isRecord(extended.value)
        ? (extended.value as unknown as RawEpisodeExtended)
        : undefined;
    return { kind: 'found', value: mapEpisode(episode, record, originalLanguage) };
  }

  /** The `data` of a success envelope, logging in (again) when the request must go out. */
  private async data(call: Call, path: string): Promise<Step<unknown>> {
    const request: ExchangeRequest = {
      url: `${call.baseUrl}${path}`,
      timeoutMs: timeoutOf(call.settings),
      ttlSeconds: DAY_SECONDS,
      ...(call.signal ? { signal: call.signal } : {}),
    };
    const answer = (await call.exchange.cached(request)) ?? (await this.authorized(call, request));
    return answer.kind === 'found' ? unwrap(answer.value) : answer;
  }

  private async authorized(call: Call, request: ExchangeRequest): Promise<Step<unknown>> {
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.bearer(call, attempt > 0);
      if (token.kind !== 'found') {
        return token;
      }
      const auth = { headers: { authorization: `Bearer ${token.value}` } };
      const answer = await call.exchange.json({ ...request, auth }, interpret);
      // A 401 means the token was refused (expired, revoked): log in once more, then give up.
      if (answer.kind !== 'bad_credentials' || attempt > 0) {
        return answer;
      }
    }
  }

  private async bearer(call: Call, renew: boolean): Promise<Step<string>> {
    const login = () => this.login(call);
    const outcome =
      renew && call.token !== undefined
        ? await this.tokens.renew(call.tokenKey, call.token, login)
        : call.token !== undefined
          ? ({ kind: 'found', value: call.token } as const)
          : await this.tokens.get(call.tokenKey, login);
    if (outcome.kind === 'found') {
      call.token = outcome.value;
    }
    return outcome;
  }

  private async login(call: Call): Promise<Step<string>> {
    const pin = call.settings.pin?.trim();
    const body = { apikey: call.settings.apiKey?.trim() ?? '', ...(pin ? { pin } : {}) };
    const answer = await call.exchange.json(
      {
        method: 'POST',
        url: `${call.baseUrl}/login`,
        body,
        timeoutMs: timeoutOf(call.settings),
        ...(call.signal ? { signal: call.signal } : {}),
      },
      interpretLogin,
    );
    if (answer.kind !== 'found') {
      return answer;
    }
    const data = unwrap(answer.value);
    const token =
      data.kind === 'found' && isRecord(data.value) ? text(data.value.token) : undefined;
    return token === undefined
      ? { kind: 'bad_response', reason: 'login answered without a token' }
      : { kind: 'found', value: token };
  }
}

function unwrap(body: unknown): Step<unknown> {
  return isRecord(body) && body.status === 'success' && 'data' in body
    ? { kind: 'found', value: body.data }
    : { kind: 'bad_response', reason: 'answer is not a TheTVDB success envelope' };
}

function failureMessage(reply: HttpReply): string | undefined {
  return isRecord(reply.json) ? text(reply.json.message) : undefined;
}

/** 404 NotFoundException (wording varies) is not_found; 401 is a refused token. */
function interpret(reply: HttpReply): Step<unknown> {
  return interpretStatus(reply, failureMessage(reply));
}

/** A bad key (401) and a missing PIN (400) are both credentials problems at login. */
function interpretLogin(reply: HttpReply): Step<unknown> {
  const message = failureMessage(reply);
  if (reply.status === 400 || reply.status === 401) {
    return { kind: 'bad_credentials', reason: message ?? `login refused (HTTP ${reply.status})` };
  }
  return interpretStatus(reply, message);
}
