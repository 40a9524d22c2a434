/**
 * The five provider clients, built once by main with the caches it chose (memory, database or
 * Redis). One instance per provider keeps one rate limiter and one OMDb quota count per process.
 */
import type { Clock } from '../../shared/clock.js';
import type { MetadataProviders, ResponseCache, TokenStore } from '../ports.js';
import { GoogleBooksProvider } from './googlebooks/client.js';
import { OmdbProvider } from './omdb/client.js';
import { OpenLibraryProvider } from './openlibrary/client.js';
import type { ProviderOptions } from './shared/options.js';
import { TmdbProvider } from './tmdb/client.js';
import { TvdbProvider } from './tvdb/client.js';

export interface ProviderRegistryOptions {
  clock: Clock;
  cache: ResponseCache;
  tokens: TokenStore;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** OpenLibrary asks for the app name and a contact: `scenepacker/1.0 (admin@example.org)`. */
  userAgent?: string;
  /** OMDb requests per key per UTC day (1,000 for a free key). */
  omdbDailyLimit?: number;
}

export function createMetadataProviders(
  options: ProviderRegistryOptions,
): Required<MetadataProviders> {
  const shared: ProviderOptions = {
    clock: options.clock,
    cache: options.cache,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  };
  return {
    openlibrary: new OpenLibraryProvider(shared),
    googlebooks: new GoogleBooksProvider(shared),
    tvdb: new TvdbProvider({ ...shared, tokens: options.tokens }),
    tmdb: new TmdbProvider(shared),
    omdb: new OmdbProvider({
      ...shared,
      ...(options.omdbDailyLimit === undefined ? {} : { dailyLimit: options.omdbDailyLimit }),
    }),
  };
}
