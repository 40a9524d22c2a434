/**
 * One HTTP exchange with a provider: global fetch with `AbortSignal.timeout`, a size-capped body,
 * and three retries (1 s, 2 s, 4 s through the Clock) on network errors, timeouts, 5xx and 429 —
 * a 429's `Retry-After` replaces the backoff step, and one longer than `maxRetryAfterSeconds`
 * ends the retries at once so a lookup never hangs for an hour.
 */
import type { Clock } from '../../../shared/clock.js';
import type { JsonValue } from '../../../domain/enums.js';
import type { LookupFailure } from '../../ports.js';
import type { RateLimiter } from './rate-limiter.js';

export interface TransportDeps {
  clock: Clock;
  limiter: RateLimiter;
  fetch: typeof fetch;
  userAgent: string;
  /** Pauses before the 2nd, 3rd and 4th attempt. */
  retryDelaysMs: readonly number[];
  maxRetryAfterSeconds: number;
  maxBodyBytes: number;
  /** Runs before every attempt; a failure it returns is answered instead of sending (quotas). */
  beforeSend?: () => LookupFailure | undefined;
}

export interface Credentials {
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface HttpRequest {
  method?: 'GET' | 'POST';
  /** The URL without credentials; it is what cache keys are made of. */
  url: string;
  /** Added when sending only, so secrets never reach a cache key or a log line. */
  auth?: Credentials;
  body?: JsonValue;
  /** `manual` hands 3xx answers to `interpret` (to follow them through the rate limit). */
  redirect?: 'follow' | 'manual';
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpReply {
  status: number;
  headers: Headers;
  /** The parsed body, or undefined when it is not JSON (an HTML error page, an empty body). */
  json: unknown;
  /** Clock time of the answer, for `Retry-After` dates. */
  receivedAt: Date;
}

export type Sent =
  | { kind: 'reply'; reply: HttpReply }
  | { kind: 'failed'; failure: LookupFailure; retryable: boolean };

class BodyTooLarge extends Error {}

export async function sendWithRetries(deps: TransportDeps, request: HttpRequest): Promise<Sent> {
  for (let attempt = 0; ; attempt += 1) {
    const sent = await sendOnce(deps, request);
    const wait = retryWait(deps, sent, attempt);
    if (wait === undefined) {
      return sent;
    }
    await deps.clock.sleep(wait, request.signal);
  }
}

/** Milliseconds to wait before trying again, or undefined to answer with `sent`. */
function retryWait(deps: TransportDeps, sent: Sent, attempt: number): number | undefined {
  const backoff = deps.retryDelaysMs[attempt];
  if (backoff === undefined) {
    return undefined;
  }
  if (sent.kind === 'failed') {
    return sent.retryable ? backoff : undefined;
  }
  const { status, headers } = sent.reply;
  if (status !== 429 && status < 500) {
    return undefined;
  }
  const retryAfter = retryAfterSeconds(headers, deps.clock.now());
  if (retryAfter === undefined) {
    return backoff;
  }
  return retryAfter > deps.maxRetryAfterSeconds ? undefined : retryAfter * 1000;
}

/** `Retry-After` as seconds from `now`: delta-seconds or an HTTP date; undefined when absent. */
export function retryAfterSeconds(headers: Headers, now: Date): number | undefined {
  const raw = headers.get('retry-after')?.trim();
  if (raw === undefined || raw === '') {
    return undefined;
  }
  if (/^\d+$/.test(raw)) {
    return Number(raw);
  }
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

async function sendOnce(deps: TransportDeps, request: HttpRequest): Promise<Sent> {
  const refused = deps.beforeSend?.();
  if (refused) {
    return { kind: 'failed', failure: refused, retryable: false };
  }
  await deps.limiter.acquire(request.signal);
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  try {
    const response = await deps.fetch(withQuery(request.url, request.auth?.query), {
      method: request.method ?? 'GET',
      headers: headersFor(deps, request),
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      redirect: request.redirect ?? 'follow',
      signal,
    });
    const body = await readCapped(response, deps.maxBodyBytes);
    return {
      kind: 'reply',
      reply: {
        status: response.status,
        headers: response.headers,
        json: parseJson(body),
        receivedAt: deps.clock.now(),
      },
    };
  } catch (error) {
    return failedSend(error, request, timeout, deps.maxBodyBytes);
  }
}

function failedSend(
  error: unknown,
  request: HttpRequest,
  timeout: AbortSignal,
  maxBodyBytes: number,
): Sent {
  if (request.signal?.aborted) {
    throw request.signal.reason;
  }
  if (error instanceof BodyTooLarge) {
    const reason = `the answer is larger than ${maxBodyBytes} bytes`;
    return { kind: 'failed', failure: { kind: 'bad_response', reason }, retryable: false };
  }
  const reason = timeout.aborted
    ? `no answer within ${request.timeoutMs} ms`
    : `network error (${describeNetworkError(error)})`;
  return { kind: 'failed', failure: { kind: 'unavailable', reason }, retryable: true };
}

function headersFor(deps: TransportDeps, request: HttpRequest): Record<string, string> {
  return {
    accept: 'application/json',
    'user-agent': deps.userAgent,
    ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...request.auth?.headers,
  };
}

function withQuery(url: string, query: Record<string, string> | undefined): string {
  if (!query) {
    return url;
  }
  const full = new URL(url);
  for (const [name, value] of Object.entries(query)) {
    full.searchParams.set(name, value);
  }
  return full.toString();
}

/** The body as text, refusing more than `max` bytes (a hostile or broken server). */
async function readCapped(response: Response, max: number): Promise<string> {
  if (Number(response.headers.get('content-length') ?? 0) > max) {
    await response.body?.cancel();
    throw new BodyTooLarge();
  }
  if (!response.body) {
    return '';
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > max) {
      throw new BodyTooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** undici reports "fetch failed" and puts the useful part (ECONNREFUSED …) in `cause`. */
function describeNetworkError(error: unknown): string {
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') {
    return cause.code;
  }
  return error instanceof Error ? error.message : String(error);
}
