/**
 * OMDb. A title lookup reads the series (`t=…&type=series`) and then the episode by the series'
 * IMDb id with `Season`/`Episode`; an IMDb id may name a series or an episode. OMDb answers most
 * errors with HTTP 200 and `{"Response":"False","Error":…}`, and key and quota errors with 401:
 * "Invalid API key!" is bad_credentials, "Request limit reached!" rate_limited, "…not found!"
 * not_found. The daily quota is counted per key and reported with every lookup.
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
import { isRecord, text } from '../shared/json.js';
import {
  baseUrlOf,
  exchangeDeps,
  missingKey,
  runLookup,
  timeoutOf,
  type ProviderOptions,
} from '../shared/options.js';
import type { HttpReply } from '../shared/transport.js';
import { mapEpisode, mapSeries, value } from './map.js';
import { DailyQuota } from './quota.js';
import type { RawEpisode, RawSeries } from './raw.js';

const PUBLIC_URL = 'https://www.omdbapi.com';

type Step<T> = LookupOutcome<T>;

export interface OmdbOptions extends ProviderOptions {
  /** Requests per key per UTC day; 1,000 for a free key. */
  dailyLimit?: number;
}

interface Call {
  exchange: Exchange;
  settings: ProviderSettings;
  signal: AbortSignal | undefined;
  key: string;
}

export class OmdbProvider implements TvProvider {
  readonly kind = 'tv';
  readonly name = 'omdb';
  readonly requiresKey = true;
  readonly idSchemes = ['imdb'] as const;
  private readonly deps: ExchangeDeps;
  private readonly quota: DailyQuota;

  constructor(options: OmdbOptions) {
    this.deps = exchangeDeps('omdb', options, 100);
    this.quota = new DailyQuota(options.clock, options.dailyLimit ?? 1000);
  }

  search(
    query: TvQuery,
    settings: ProviderSettings,
    signal?: AbortSignal,
  ): Promise<LookupResult<TvFields>> {
    return this.lookup(settings, signal, (call) => this.titleFlow(call, query));
  }

  byId(ref: TvIdRef, episode: EpisodeRef, settings: ProviderSettings, signal?: AbortSignal) {
    if (ref.scheme !== 'imdb' || !/^tt\d+$/.test(ref.id)) {
      const reason = `OMDb resolves IMDb ids only, not the ${ref.scheme} id "${ref.id}"`;
      return Promise.resolve<LookupResult<TvFields>>({
        outcome: { kind: 'not_found', reason },
        fromCache: true,
      });
    }
    return this.lookup(settings, signal, (call) => this.idFlow(call, ref.id, episode));
  }

  private async lookup(
    settings: ProviderSettings,
    signal: AbortSignal | undefined,
    flow: (call: Call) => Promise<Step<TvFields>>,
  ): Promise<LookupResult<TvFields>> {
    const noKey = missingKey(settings);
    if (noKey) {
      return { outcome: noKey, fromCache: true };
    }
    const key = settings.apiKey?.trim() ?? '';
    const deps = { ...this.deps, beforeSend: () => this.quota.take(key) };
    const result = await runLookup(deps, (exchange) => flow({ exchange, settings, signal, key }));
    return { ...result, quota: this.quota.usage(key) };
  }

  private async titleFlow(call: Call, query: TvQuery): Promise<Step<TvFields>> {
    const series = await this.get(call, { t: query.title, type: 'series' });
    if (series.kind !== 'found') {
      return series;
    }
    return this.withEpisode(call, series.value as unknown as RawSeries, query);
  }

  private async idFlow(call: Call, id: string, ep: EpisodeRef): Promise<Step<TvFields>> {
    const record = await this.get(call, { i: id });
    if (record.kind !== 'found') {
      return record;
    }
    const type = text(record.value.Type);
    if (type === 'series') {
      return this.withEpisode(call, record.value as unknown as RawSeries, ep);
    }
    if (type !== 'episode') {
      return { kind: 'not_found', reason: `${id} is a ${type ?? 'record'}, not a series` };
    }
    const episode = record.value as unknown as RawEpisode;
    const series = await this.get(call, { i: value(episode.seriesID) ?? '' });
    if (series.kind !== 'found' && series.kind !== 'not_found') {
      return series;
    }
    const seriesFields =
      series.kind === 'found' ? mapSeries(series.value as unknown as RawSeries) : {};
    return { kind: 'found', value: { ...seriesFields, ...mapEpisode(episode) } };
  }

  private async withEpisode(
    call: Call,
    series: RawSeries,
    ep: EpisodeRef,
  ): Promise<Step<TvFields>> {
    const fields = mapSeries(series);
    const seriesId = value(series.imdbID);
    if (ep.season === null || ep.episode === null || seriesId === undefined) {
      return { kind: 'found', value: fields };
    }
    const episode = await this.get(call, {
      i: seriesId,
      Season: String(ep.season),
      Episode: String(ep.episode),
    });
    if (episode.kind === 'not_found') {
      return { kind: 'found', value: fields };
    }
    return episode.kind === 'found'
      ? {
          kind: 'found',
          value: { ...fields, ...mapEpisode(episode.value as unknown as RawEpisode) },
        }
      : episode;
  }

  private async get(
    call: Call,
    params: Record<string, string>,
  ): Promise<Step<Record<string, unknown>>> {
    const query = new URLSearchParams({ ...params, r: 'json' });
    const answer = await call.exchange.json(
      {
        url: `${baseUrlOf(call.settings, PUBLIC_URL)}/?${query.toString()}`,
        auth: { query: { apikey: call.key } },
        timeoutMs: timeoutOf(call.settings),
        ttlSeconds: DAY_SECONDS,
        ...(call.signal ? { signal: call.signal } : {}),
      },
      (reply) => this.interpret(reply, call.key),
    );
    if (answer.kind !== 'found') {
      return answer;
    }
    return isRecord(answer.value) && answer.value.Response === 'True'
      ? { kind: 'found', value: answer.value }
      : { kind: 'bad_response', reason: 'answer without "Response": "True"' };
  }

  private interpret(reply: HttpReply, key: string): Step<unknown> {
    const body = isRecord(reply.json) ? reply.json : undefined;
    const error = body?.Response === 'False' ? (text(body.Error) ?? 'unknown error') : undefined;
    if (error === undefined) {
      return interpretStatus(reply);
    }
    if (error === 'Request limit reached!') {
      this.quota.exhaust(key);
    }
    return outcomeOfError(error);
  }
}

/** OMDb's error texts, mapped to outcomes (metadata-apis.md §3.3). */
function outcomeOfError(error: string): Step<never> {
  if (error === 'Invalid API key!' || error === 'No API key provided.') {
    return { kind: 'bad_credentials', reason: error };
  }
  if (error === 'Request limit reached!') {
    return { kind: 'rate_limited', reason: `${error} (the key's daily quota is used up)` };
  }
  if (
    /not found!$/i.test(error) ||
    error === 'Incorrect IMDb ID.' ||
    error === 'Too many results.'
  ) {
    return { kind: 'not_found', reason: error };
  }
  if (error === 'Something went wrong.' || error === 'Error getting data.') {
    return { kind: 'unavailable', reason: error };
  }
  return { kind: 'bad_response', reason: `unexpected OMDb error: ${error}` };
}
