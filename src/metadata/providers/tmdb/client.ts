/**
 * TMDb v3. A v3 key travels as `api_key`, a read-access token (a JWT) as a bearer — both kept out
 * of cache keys. A lookup is: search/tv (or an id; IMDb and TVDB ids through `/find`), the series
 * with its external ids, then the episode with its own. `/configuration` gives the image base URL
 * and is cached for three days, as TMDb asks. Requests are spaced for ≤ 40 per second.
 */
import type {
  EpisodeRef,
  LookupOutcome,
  LookupResult,
  ProviderSettings,
  TvFields,
  TvIdRef,
  TvProvider,
  TvQuery,
} from '../../ports.js';
import { DAY_SECONDS, type Exchange, type ExchangeDeps } from '../shared/exchange.js';
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
import { intervalFor } from '../shared/rate-limiter.js';
import type { Credentials, HttpReply } from '../shared/transport.js';
import { bestResult, mapEpisode, mapTv } from './map.js';
import type { RawConfiguration, RawEpisode, RawTvDetails, RawTvSearchResult } from './raw.js';

const PUBLIC_URL = 'https://api.themoviedb.org/3';
const CONFIGURATION_TTL_SECONDS = 3 * DAY_SECONDS;
const LANGUAGE = 'en-US';

type Step<T> = LookupOutcome<T>;

interface Call {
  exchange: Exchange;
  settings: ProviderSettings;
  signal: AbortSignal | undefined;
}

export class TmdbProvider implements TvProvider {
  readonly kind = 'tv';
  readonly name = 'tmdb';
  readonly requiresKey = true;
  readonly idSchemes = ['tmdb', 'imdb', 'tvdb'] as const;
  private readonly deps: ExchangeDeps;

  constructor(options: ProviderOptions) {
    this.deps = exchangeDeps('tmdb', options, intervalFor(40));
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
    return noKey
      ? Promise.resolve({ outcome: noKey, fromCache: true })
      : runLookup(this.deps, (exchange) => flow({ exchange, settings, signal }));
  }

  private async searchFlow(call: Call, query: TvQuery): Promise<Step<TvFields>> {
    const params = new URLSearchParams({
      query: query.title,
      include_adult: 'false',
      language: LANGUAGE,
      page: '1',
    });
    const answer = await this.get(call, `/search/tv?${params.toString()}`);
    if (answer.kind !== 'found') {
      return answer;
    }
    if (!isRecord(answer.value) || !Array.isArray(answer.value.results)) {
      return { kind: 'bad_response', reason: 'search answer without results' };
    }
    const results = answer.value.results.filter(isSearchResult);
    const best = bestResult(results, query.title, query.year);
    return best === undefined
      ? { kind: 'not_found', reason: 'no series matches the title' }
      : this.series(call, String(best.id), query);
  }

  private async idFlow(call: Call, ref: TvIdRef, episode: EpisodeRef): Promise<Step<TvFields>> {
    if (ref.scheme === 'tmdb' && /^\d+$/.test(ref.id)) {
      return this.series(call, ref.id, episode);
    }
    const valid = ref.scheme === 'imdb' ? /^tt\d+$/.test(ref.id) : /^\d+$/.test(ref.id);
    if (!valid) {
      return { kind: 'not_found', reason: `"${ref.id}" is not a ${ref.scheme} id` };
    }
    const params = new URLSearchParams({ external_source: `${ref.scheme}_id` });
    const answer = await this.get(call, `/find/${ref.id}?${params.toString()}`);
    if (answer.kind !== 'found') {
      return answer;
    }
    const first = isRecord(answer.value)
      ? list(answer.value.tv_results).find(isSearchResult)
      : undefined;
    return first === undefined
      ? { kind: 'not_found', reason: `no series has the ${ref.scheme} id ${ref.id}` }
      : this.series(call, String(first.id), episode);
  }

  private async series(call: Call, id: string, ep: EpisodeRef): Promise<Step<TvFields>> {
    const params = new URLSearchParams({ append_to_response: 'external_ids', language: LANGUAGE });
    const answer = await this.get(call, `/tv/${id}?${params.toString()}`);
    if (answer.kind !== 'found') {
      return answer;
    }
    if (!isRecord(answer.value) || typeof answer.value.id !== 'number') {
      return { kind: 'bad_response', reason: `series ${id} came without its record` };
    }
    const fields = mapTv(answer.value as unknown as RawTvDetails, await this.configuration(call));
    if (ep.season === null || ep.episode === null) {
      return { kind: 'found', value: fields };
    }
    const episode = await this.get(
      call,
      `/tv/${id}/season/${ep.season}/episode/${ep.episode}?${params.toString()}`,
    );
    if (episode.kind === 'not_found') {
      return { kind: 'found', value: fields };
    }
    if (episode.kind !== 'found') {
      return episode;
    }
    return isRecord(episode.value) && typeof episode.value.id === 'number'
      ? {
          kind: 'found',
          value: { ...fields, ...mapEpisode(episode.value as unknown as RawEpisode) },
        }
      : {
          kind: 'bad_response',
          reason: `episode S${ep.season}E${ep.episode} came without its record`,
        };
  }

  /** Image settings; without them the well-known image host is used, so a poster never fails a lookup. */
  private async configuration(call: Call): Promise<RawConfiguration | undefined> {
    const answer = await this.get(call, '/configuration', CONFIGURATION_TTL_SECONDS);
    return answer.kind === 'found' && isRecord(answer.value)
      ? (answer.value as unknown as RawConfiguration)
      : undefined;
  }

  private get(call: Call, path: string, ttlSeconds = DAY_SECONDS): Promise<Step<unknown>> {
    return call.exchange.json(
      {
        url: `${baseUrlOf(call.settings, PUBLIC_URL)}${path}`,
        auth: credentials(call.settings.apiKey?.trim() ?? ''),
        timeoutMs: timeoutOf(call.settings),
        ttlSeconds,
        ...(call.signal ? { signal: call.signal } : {}),
      },
      interpret,
    );
  }
}

/** A read-access token is a JWT (three dot-separated parts); a v3 key is 32 hex digits. */
function credentials(key: string): Credentials {
  return key.split('.').length === 3
    ? { headers: { authorization: `Bearer ${key}` } }
    : { query: { api_key: key } };
}

function isSearchResult(value: unknown): value is RawTvSearchResult {
  return isRecord(value) && typeof value.id === 'number';
}

/** TMDb's `{success:false, status_code, status_message}`: the HTTP status decides the kind. */
function interpret(reply: HttpReply): Step<unknown> {
  const message =
    isRecord(reply.json) && reply.json.success === false
      ? text(reply.json.status_message)
      : undefined;
  return interpretStatus(reply, message);
}
