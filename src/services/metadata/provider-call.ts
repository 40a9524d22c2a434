/**
 * Asking one provider, for the enrichment: whether it may be asked at all (offline, missing,
 * disabled, no key), and the call itself timed on the Clock and turned into a status line. A
 * provider that throws (a bug, not an HTTP failure: those are outcomes) is reported, never
 * allowed to fail the enrichment; only the caller's own abort goes through.
 */
import type { ApiProvider } from '../../domain/enums.js';
import type { LookupResult, MetadataProvider } from '../../metadata/ports.js';
import type { Clock } from '../../shared/clock.js';
import type { LookupKind, ProviderConfig, ProviderStatus } from './types.js';

export interface CallResult<F> {
  status: ProviderStatus;
  /** The fields when the provider found something. */
  found?: F;
}

/** Why the provider cannot be asked, or undefined when it can. */
export function skipReason(
  provider: MetadataProvider | undefined,
  config: ProviderConfig | undefined,
  offline: boolean,
): string | undefined {
  if (offline) {
    return 'offline: no network lookups were made';
  }
  if (provider === undefined) {
    return 'this provider is not available in this installation';
  }
  if (config?.enabled === false) {
    return 'switched off in the API configuration';
  }
  if (provider.requiresKey && (config?.apiKey ?? '').trim() === '') {
    return 'no API key is configured';
  }
  return undefined;
}

export function skipped(provider: ApiProvider, reason: string): ProviderStatus {
  return { provider, lookup: null, outcome: 'skipped', reason, durationMs: 0, fromCache: false };
}

export async function callProvider<F>(
  clock: Clock,
  provider: ApiProvider,
  lookup: LookupKind,
  signal: AbortSignal | undefined,
  run: () => Promise<LookupResult<F>>,
): Promise<CallResult<F>> {
  const started = clock.now().getTime();
  const elapsed = (): number => Math.max(0, clock.now().getTime() - started);
  try {
    const result = await run();
    return { status: statusOf(provider, lookup, result, elapsed()), ...foundOf(result) };
  } catch (error) {
    if (signal?.aborted) {
      throw error;
    }
    const reason = `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    const status: ProviderStatus = {
      provider,
      lookup,
      outcome: 'unavailable',
      reason,
      durationMs: elapsed(),
      fromCache: false,
    };
    return { status };
  }
}

function foundOf<F>(result: LookupResult<F>): { found?: F } {
  return result.outcome.kind === 'found' ? { found: result.outcome.value } : {};
}

function statusOf<F>(
  provider: ApiProvider,
  lookup: LookupKind,
  result: LookupResult<F>,
  durationMs: number,
): ProviderStatus {
  const { outcome } = result;
  const reason = outcome.kind === 'found' ? null : (outcome.reason ?? null);
  return {
    provider,
    lookup,
    outcome: outcome.kind,
    reason,
    durationMs,
    fromCache: result.fromCache,
    ...(outcome.kind === 'rate_limited' && outcome.retryAfterSeconds !== undefined
      ? { retryAfterSeconds: outcome.retryAfterSeconds }
      : {}),
    ...(result.quota ? { quota: result.quota } : {}),
  };
}
