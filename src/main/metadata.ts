/**
 * Builds the metadata use cases: the file extractor, the five provider clients over the chosen
 * cache (Redis when REDIS_URL is set, else the database table) and the enrichment service.
 */
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import { DbResponseCache, DbTokenStore } from '../db/caches/db-cache.js';
import { createRedisCaches } from '../db/caches/redis-cache.js';
import type { Database } from '../db/ports.js';
import { MemoryResponseCache, MemoryTokenStore } from '../metadata/cache/memory-cache.js';
import { LocalFileExtractor } from '../metadata/extract/extractor.js';
import { mergeMetadata } from '../metadata/merge.js';
import type { ResponseCache, TokenStore } from '../metadata/ports.js';
import { createMetadataProviders } from '../metadata/providers/registry.js';
import type { ApiConfigsService } from '../services/api-configs.service.js';
import type { Runtime } from '../services/context.js';
import { MetadataApiService } from '../services/metadata-api.service.js';
import { MetadataEnrichService } from '../services/metadata/enrich.js';
import type { PathsService } from '../services/paths.service.js';
import type { PreferencesService } from '../services/preferences.service.js';
import { LocalWorkspace } from '../storage/local.js';

export interface MetadataWiring {
  service: MetadataApiService;
  close: () => Promise<void>;
}

function caches(
  config: Config,
  db: Database,
  runtime: Runtime,
): { cache: ResponseCache; tokens: TokenStore; close: () => Promise<void> } {
  if (config.redisUrl !== undefined) {
    const redis = createRedisCaches(config.redisUrl, runtime.clock);
    return { cache: redis.responses, tokens: redis.tokens, close: () => redis.close() };
  }
  const repository = db.repos.metadataCache;
  return {
    cache: new DbResponseCache(repository, runtime.clock),
    tokens: new DbTokenStore(repository, runtime.clock),
    close: () => Promise.resolve(),
  };
}

export function createMetadataApi(
  config: Config,
  db: Database,
  runtime: Runtime,
  services: { apiConfigs: ApiConfigsService; preferences: PreferencesService; paths: PathsService },
  version: string,
): MetadataWiring {
  const chosen = caches(config, db, runtime);
  const userAgent = `scenepacker/${version} (+https://github.com/scenepacker/scenepacker)`;
  const providers = createMetadataProviders({
    clock: runtime.clock,
    cache: chosen.cache,
    tokens: chosen.tokens,
    userAgent,
  });
  const service = new MetadataApiService({
    runtime,
    extractor: new LocalFileExtractor(),
    enricher: new MetadataEnrichService({ providers, merge: mergeMetadata, clock: runtime.clock }),
    ...services,
    workspace: new LocalWorkspace(),
    uploadDir: join(config.dataDir, 'uploads'),
    freshProviders: () =>
      createMetadataProviders({
        clock: runtime.clock,
        cache: new MemoryResponseCache(runtime.clock),
        tokens: new MemoryTokenStore(runtime.clock),
        userAgent,
      }),
  });
  return { service, close: chosen.close };
}
