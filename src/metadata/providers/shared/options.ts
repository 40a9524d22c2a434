/**
 * What every provider client is built with (shared by the five) and the defaults of the issue:
 * 10 s per request, three retries after 1 s, 2 s and 4 s, `Retry-After` honoured up to a minute,
 * answers cached 24 h, bodies capped at 8 MiB.
 */
import type { Clock } from '../../../shared/clock.js';
import type { ApiProvider } from '../../../domain/enums.js';
import type { LookupOutcome, LookupResult, ProviderSettings, ResponseCache } from '../../ports.js';
import { Exchange, type ExchangeDeps } from './exchange.js';
import { RateLimiter } from './rate-limiter.js';
import type { LookupFailure } from '../../ports.js';

export interface ProviderOptions {
  clock: Clock;
  cache: ResponseCache;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Sent on every request; OpenLibrary wants an app name and a contact (URL or e-mail). */
  userAgent?: string;
  retryDelaysMs?: readonly number[];
  maxRetryAfterSeconds?: number;
  /** Minimum spacing between two requests to this provider; each provider has its default. */
  minIntervalMs?: number;
  maxBodyBytes?: number;
}

const DEFAULT_USER_AGENT = 'scenepacker/0.1 (+https://github.com/scenepacker/scenepacker)';
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 4000] as const;

export function exchangeDeps(
  provider: ApiProvider,
  options: ProviderOptions,
  defaultIntervalMs: number,
  beforeSend?: () => LookupFailure | undefined,
): ExchangeDeps {
  return {
    provider,
    cache: options.cache,
    clock: options.clock,
    limiter: new RateLimiter(options.clock, options.minIntervalMs ?? defaultIntervalMs),
    fetch: options.fetch ?? globalThis.fetch,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 60,
    maxBodyBytes: options.maxBodyBytes ?? 8 * 1024 * 1024,
    ...(beforeSend ? { beforeSend } : {}),
  };
}

/** The configured base URL without its trailing slash, else the provider's public one. */
export function baseUrlOf(settings: ProviderSettings, publicUrl: string): string {
  const configured = settings.baseUrl?.trim();
  return (configured === undefined || configured === '' ? publicUrl : configured).replace(
    /\/+$/,
    '',
  );
}

export function timeoutOf(settings: ProviderSettings): number {
  return settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
}

/** Runs one lookup's requests in a fresh Exchange and reports whether any went over the network. */
export async function runLookup<T>(
  deps: ExchangeDeps,
  flow: (exchange: Exchange) => Promise<LookupOutcome<T>>,
): Promise<LookupResult<T>> {
  const exchange = new Exchange(deps);
  const outcome = await flow(exchange);
  return { outcome, fromCache: exchange.fromCache };
}

/** A request parameter that must be present: answers bad_credentials when the key is missing. */
export function missingKey(settings: ProviderSettings): LookupFailure | undefined {
  const key = settings.apiKey?.trim();
  return key === undefined || key === ''
    ? { kind: 'bad_credentials', reason: 'no API key is configured' }
    : undefined;
}
