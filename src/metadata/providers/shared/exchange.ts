/**
 * The requests of one lookup. Each request goes through the ResponseCache first; answers that a
 * provider's `interpret` calls `found` or `not_found` are stored (never failures, so a bad key or
 * an outage is not remembered for a day). The exchange counts what went over the network, which
 * is how a lookup reports `fromCache`.
 */
import { createHash } from 'node:crypto';
import type { ApiProvider, JsonValue } from '../../../domain/enums.js';
import type { LookupOutcome, ResponseCache } from '../../ports.js';
import {
  sendWithRetries,
  type HttpReply,
  type HttpRequest,
  type TransportDeps,
} from './transport.js';

export interface ExchangeDeps extends TransportDeps {
  provider: ApiProvider;
  cache: ResponseCache;
}

/** Turns an HTTP reply into an outcome; each provider knows its own error envelopes. */
export type Interpret = (reply: HttpReply) => LookupOutcome<unknown>;

export interface ExchangeRequest extends HttpRequest {
  /** Seconds to keep a found / not_found answer; absent = never cached (logins). */
  ttlSeconds?: number;
}

type CachedAnswer = { found: JsonValue } | { notFound: string | null };

export const DAY_SECONDS = 24 * 3600;

export class Exchange {
  /** Requests that went over the network (cache misses), retries not counted. */
  sent = 0;

  constructor(private readonly deps: ExchangeDeps) {}

  get fromCache(): boolean {
    return this.sent === 0;
  }

  /**
   * The cached answer to `request`, without sending anything. TheTVDB uses it to log in only
   * when a request really has to go out.
   */
  async cached(request: ExchangeRequest): Promise<LookupOutcome<unknown> | undefined> {
    return request.ttlSeconds === undefined ? undefined : this.read(this.keyFor(request));
  }

  async json(request: ExchangeRequest, interpret: Interpret): Promise<LookupOutcome<unknown>> {
    const key = request.ttlSeconds === undefined ? undefined : this.keyFor(request);
    const cached = key === undefined ? undefined : await this.read(key);
    if (cached) {
      return cached;
    }
    this.sent += 1;
    const sent = await sendWithRetries(this.deps, request);
    const outcome = sent.kind === 'failed' ? sent.failure : interpret(sent.reply);
    if (key !== undefined && request.ttlSeconds !== undefined) {
      await this.write(key, outcome, request.ttlSeconds);
    }
    return outcome;
  }

  /** The provider's name and a digest of method, URL and body: bounded, and free of secrets. */
  private keyFor(request: HttpRequest): string {
    const digest = createHash('sha256')
      .update(`${request.method ?? 'GET'} ${request.url} ${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    return `${this.deps.provider}:${digest}`;
  }

  // A cache that is down must not take the lookups with it: errors count as misses.
  private async read(key: string): Promise<LookupOutcome<unknown> | undefined> {
    const stored = await this.deps.cache.get(key).catch(() => undefined);
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
      return undefined;
    }
    if ('found' in stored) {
      return { kind: 'found', value: stored.found };
    }
    if ('notFound' in stored) {
      const reason = typeof stored.notFound === 'string' ? stored.notFound : undefined;
      return reason === undefined ? { kind: 'not_found' } : { kind: 'not_found', reason };
    }
    return undefined;
  }

  private async write(key: string, outcome: LookupOutcome<unknown>, ttl: number): Promise<void> {
    let answer: CachedAnswer;
    if (outcome.kind === 'found') {
      answer = { found: outcome.value as JsonValue };
    } else if (outcome.kind === 'not_found') {
      answer = { notFound: outcome.reason ?? null };
    } else {
      return;
    }
    await this.deps.cache.set(key, answer, ttl).catch(() => undefined);
  }
}
