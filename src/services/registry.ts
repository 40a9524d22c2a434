/** Every use case, as the edges (HTTP, CLI, jobs) receive them from main. */
import type { ApiConfigsService } from './api-configs.service.js';
import type { ApiTokenService } from './auth/api-tokens.service.js';
import type { AuthService } from './auth/auth.service.js';
import type { DashboardService } from './dashboard.service.js';
import type { DestinationsService } from './destinations.service.js';
import type { HealthService } from './health.service.js';
import type { JobsService } from './jobs.service.js';
import type { MetadataApiService } from './metadata-api.service.js';
import type { ReleaseDeliveryService } from './release-delivery.service.js';
import type { PathsService } from './paths.service.js';
import type { PreferencesService } from './preferences.service.js';
import type { TemplatesService } from './templates.service.js';
import type { UsersService } from './users.service.js';

export interface Services {
  auth: AuthService;
  apiTokens: ApiTokenService;
  users: UsersService;
  preferences: PreferencesService;
  paths: PathsService;
  templates: TemplatesService;
  destinations: DestinationsService;
  apiConfigs: ApiConfigsService;
  dashboard: DashboardService;
  health: HealthService;
  jobs: JobsService;
  metadata: MetadataApiService;
  releaseDelivery: ReleaseDeliveryService;
}
