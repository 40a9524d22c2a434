/** Shared vocabulary. Each list is the single source for its type, its schemas and its checks. */

export const ROLES = ['admin', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const RELEASE_TYPES = ['EBOOK', 'TV', 'DOCS'] as const;
export type ReleaseType = (typeof RELEASE_TYPES)[number];

export const JOB_STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const SCOPES = ['user', 'global'] as const;
export type Scope = (typeof SCOPES)[number];

/** `ftps` is explicit TLS (AUTH TLS on the control port); `ftps-implicit` is TLS from the first byte. */
export const DESTINATION_PROTOCOLS = ['ftp', 'ftps', 'ftps-implicit', 'sftp'] as const;
export type DestinationProtocol = (typeof DESTINATION_PROTOCOLS)[number];

export const API_PROVIDERS = ['omdb', 'tvdb', 'tmdb', 'openlibrary', 'googlebooks'] as const;
export type ApiProvider = (typeof API_PROVIDERS)[number];

export const TEMPLATE_KINDS = ['nfo', 'diz'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const RELEASE_STATUSES = ['planned', 'packing', 'ready', 'failed', 'delivered'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export const DELIVERY_STATUSES = [
  'pending',
  'running',
  'completed',
  'failed',
  'cancelled',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type Locale = 'en' | 'fr';

/** JSON values as stored in JSON columns. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = Record<string, JsonValue>;
