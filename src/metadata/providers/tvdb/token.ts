/**
 * TheTVDB's login token, kept in the TokenStore until shortly before the expiry its JWT states
 * (about a month), so one login serves every call of every process sharing the store. Logins for
 * the same key are shared while in flight; a token refused with 401 is renewed once, and only if
 * nobody renewed it meanwhile.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../../shared/clock.js';
import type { LookupOutcome, ProviderSettings, TokenStore } from '../../ports.js';

type TokenOutcome = LookupOutcome<string>;
export type Login = () => Promise<TokenOutcome>;

const DAY_MS = 24 * 3600 * 1000;
/** Used when the token does not say when it expires (TheTVDB documents one month). */
const FALLBACK_LIFETIME_MS = 25 * DAY_MS;

export class TvdbTokens {
  private readonly inFlight = new Map<string, Promise<TokenOutcome>>();

  constructor(
    private readonly store: TokenStore,
    private readonly clock: Clock,
  ) {}

  /** The stored token, or a fresh one from `login`. */
  async get(key: string, login: Login): Promise<TokenOutcome> {
    const stored = await this.store.get(key).catch(() => undefined);
    return stored === undefined ? this.fresh(key, login) : { kind: 'found', value: stored };
  }

  /** A replacement for `stale`, which the API refused; someone else's renewal is reused. */
  async renew(key: string, stale: string, login: Login): Promise<TokenOutcome> {
    const stored = await this.store.get(key).catch(() => undefined);
    if (stored !== undefined && stored !== stale) {
      return { kind: 'found', value: stored };
    }
    await this.store.delete(key).catch(() => undefined);
    return this.fresh(key, login);
  }

  private fresh(key: string, login: Login): Promise<TokenOutcome> {
    const pending = this.inFlight.get(key);
    if (pending) {
      return pending;
    }
    const started = this.loginAndStore(key, login).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  private async loginAndStore(key: string, login: Login): Promise<TokenOutcome> {
    const outcome = await login();
    if (outcome.kind === 'found') {
      await this.store.set(key, outcome.value, this.expiryOf(outcome.value)).catch(() => undefined);
    }
    return outcome;
  }

  /** A day before the JWT's `exp`, so a token is never used in its last hours. */
  private expiryOf(token: string): Date {
    const now = this.clock.now().getTime();
    const exp = jwtExpiry(token);
    const until = exp === undefined ? now + FALLBACK_LIFETIME_MS : exp - DAY_MS;
    return new Date(Math.max(until, now + 60_000));
  }
}

/** The token store key: the API, key and PIN hashed, so no secret is ever a key. */
export function tokenKey(baseUrl: string, settings: ProviderSettings): string {
  const digest = createHash('sha256')
    .update(`${baseUrl}\n${settings.apiKey ?? ''}\n${settings.pin ?? ''}`)
    .digest('hex');
  return `tvdb:token:${digest.slice(0, 40)}`;
}

/** Milliseconds of the JWT's `exp` claim, if it has a readable one. */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) {
    return undefined;
  }
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    const exp =
      typeof claims === 'object' && claims !== null ? (claims as { exp?: unknown }).exp : undefined;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
