import type { ApiConfig } from '../../src/domain/entities.js';
import type { Repositories } from '../../src/db/ports.js';
import { newId, nextDate } from './sequence.js';

/** A global OMDb configuration unless the overrides say otherwise. */
export function buildApiConfig(overrides: Partial<ApiConfig> = {}): ApiConfig {
  const at = nextDate();
  return {
    id: newId(),
    scope: 'global',
    userId: null,
    provider: 'omdb',
    apiKeyEnc: 'enc:v1:key',
    pinEnc: null,
    baseUrl: null,
    enabled: true,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function createApiConfig(
  repos: Pick<Repositories, 'apiConfigs'>,
  overrides: Partial<ApiConfig> = {},
): Promise<ApiConfig> {
  return repos.apiConfigs.create(buildApiConfig(overrides));
}
