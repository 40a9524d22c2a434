/** Every repository bound to one Kysely instance or one transaction. */
import type { Repositories } from '../ports.js';
import { createApiConfigRepository } from './api-config.repository.js';
import { createApiTokenRepository } from './api-token.repository.js';
import { createArtifactRepository } from './artifact.repository.js';
import { createAuditRepository } from './audit.repository.js';
import { createDeliveryRepository } from './delivery.repository.js';
import { createDestinationRepository } from './destination.repository.js';
import { createJobLogRepository } from './job-log.repository.js';
import { createJobRepository } from './job.repository.js';
import { createMetadataCacheRepository } from './metadata-cache.repository.js';
import { createPathRuleRepository } from './path-rule.repository.js';
import { createPreferenceRepository } from './preference.repository.js';
import { createReleaseRepository } from './release.repository.js';
import { createSessionRepository } from './session.repository.js';
import type { Db } from './shared.js';
import { createTemplateRepository } from './template.repository.js';
import { createUserRepository } from './user.repository.js';

export function createRepositories(db: Db): Repositories {
  return {
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    apiTokens: createApiTokenRepository(db),
    preferences: createPreferenceRepository(db),
    pathRules: createPathRuleRepository(db),
    templates: createTemplateRepository(db),
    destinations: createDestinationRepository(db),
    apiConfigs: createApiConfigRepository(db),
    releases: createReleaseRepository(db),
    jobs: createJobRepository(db),
    jobLogs: createJobLogRepository(db),
    artifacts: createArtifactRepository(db),
    deliveries: createDeliveryRepository(db),
    metadataCache: createMetadataCacheRepository(db),
    audit: createAuditRepository(db),
  };
}
