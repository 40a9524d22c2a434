/**
 * The enrichment use case's vocabulary: what it is given (file and typed metadata, decrypted
 * provider settings, pins, a priority), and what it answers (merged fields with provenance and
 * one status per provider call).
 */
import type { ApiProvider } from '../../domain/enums.js';
import type {
  BookFields,
  LookupOutcome,
  MetadataMerger,
  MetadataProviders,
  Provenance,
  ProviderSettings,
  QuotaUsage,
  TvFields,
} from '../../metadata/ports.js';
import type { Clock } from '../../shared/clock.js';

export interface EnrichDeps {
  providers: MetadataProviders;
  merge: MetadataMerger;
  clock: Clock;
}

export const PIN_SCHEMES = ['isbn', 'olid', 'gbid', 'tvdb', 'tmdb', 'imdb'] as const;
export type PinScheme = (typeof PIN_SCHEMES)[number];

/** A manual id (`isbn:…`, `tvdb:…` …): the lookup uses it instead of searching. */
export interface MetadataPin {
  scheme: PinScheme;
  value: string;
}

/** Settings of one provider, as `ApiConfigsService.credentials` gives them. */
export interface ProviderConfig extends ProviderSettings {
  /** False: the provider is switched off for this user. */
  enabled?: boolean;
}

export type ProviderConfigs = Partial<Record<ApiProvider, ProviderConfig>>;

interface EnrichCommon {
  /** Per provider; OpenLibrary and Google Books also work without one, the others need a key. */
  settings: ProviderConfigs;
  pins?: readonly MetadataPin[];
  /** Highest first (preference `metadata.priority.<TYPE>`); the built-in default when absent. */
  priority?: readonly string[];
  /** No network at all: every provider is reported as skipped. */
  offline?: boolean;
  signal?: AbortSignal;
}

export interface BookEnrichRequest extends EnrichCommon {
  type: 'EBOOK' | 'DOCS';
  /** What the file says. */
  file?: BookFields;
  /** Weak file values (a title made from the file name): used only when nobody has better. */
  fileFallback?: BookFields;
  /** Typed by the user: always wins. */
  user?: BookFields;
}

export interface TvEnrichRequest extends EnrichCommon {
  type: 'TV';
  /** What the release name and MediaInfo say (series title, season, episode, runtime …). */
  file?: TvFields;
  user?: TvFields;
}

export type EnrichRequest = BookEnrichRequest | TvEnrichRequest;

/** How a provider was asked. */
export type LookupKind = 'isbn' | 'id' | 'title';

export interface ProviderStatus {
  provider: ApiProvider;
  /** Null when the provider was not asked. */
  lookup: LookupKind | null;
  outcome: LookupOutcome<unknown>['kind'] | 'skipped';
  /** Why it failed or was skipped (null when found). */
  reason: string | null;
  durationMs: number;
  /** The answer came from the cache, without any HTTP request. */
  fromCache: boolean;
  retryAfterSeconds?: number;
  quota?: QuotaUsage;
}

export interface EnrichResult<F> {
  fields: F;
  provenance: Provenance<F>;
  /** One entry per provider call (a provider asked by ISBN, then by title, has two). */
  providers: ProviderStatus[];
  /** The providers that answered, in the order they were asked. */
  sources: ApiProvider[];
}

export type BookEnrichResult = EnrichResult<BookFields> & { type: 'EBOOK' | 'DOCS' };
export type TvEnrichResult = EnrichResult<TvFields> & { type: 'TV' };
