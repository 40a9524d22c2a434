/**
 * The tables as Kysely sees them: camelCase here, snake_case in SQL (`CamelCasePlugin`).
 *
 * One stored representation on SQLite, MariaDB/MySQL and PostgreSQL, so a row reads back the
 * same everywhere (the repositories convert to domain types, see `codec.ts`):
 * - ids: `varchar(36)` UUIDs chosen by the caller (no `RETURNING` needed on MySQL);
 *   `job_logs.id` is the one auto-increment key, because log lines need an insertion order;
 * - timestamps: `bigint` epoch milliseconds (`Millis`) — no time zones, no driver date parsing;
 * - booleans: `integer` 0/1 (`Flag`) — better-sqlite3 cannot bind JS booleans;
 * - JSON: text (`longtext` on MySQL, whose `text` stops at 64 KiB) holding `JSON.stringify` output;
 * - "owner" uniqueness: `owner_key` is the user id or `''` for global rows, because a unique
 *   index over a nullable `user_id` lets duplicate NULLs through on every dialect;
 * - case-insensitive names: `username_key` / `email_key` hold the lower-cased value.
 */
import type { Generated } from 'kysely';

/** Epoch milliseconds, stored as BIGINT. */
export type Millis = number;
/** A boolean stored as INTEGER 0 or 1. */
export type Flag = number;
/** `JSON.stringify` output stored as text. */
export type JsonText = string;

export interface UsersTable {
  id: string;
  username: string;
  usernameKey: string;
  email: string | null;
  emailKey: string | null;
  displayName: string | null;
  role: string;
  disabled: Flag;
  passwordHash: string;
  mustChangePassword: Flag;
  createdAt: Millis;
  updatedAt: Millis;
  lastLoginAt: Millis | null;
}

export interface SessionsTable {
  id: string;
  userId: string;
  familyId: string;
  tokenHash: string;
  createdAt: Millis;
  expiresAt: Millis;
  revokedAt: Millis | null;
  replacedById: string | null;
  userAgent: string | null;
  ip: string | null;
}

export interface ApiTokensTable {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  tokenHash: string;
  createdAt: Millis;
  expiresAt: Millis | null;
  lastUsedAt: Millis | null;
  revokedAt: Millis | null;
}

export interface PreferencesTable {
  id: string;
  scope: string;
  userId: string | null;
  ownerKey: string;
  key: string;
  value: JsonText;
  createdAt: Millis;
  updatedAt: Millis;
}

export interface PathRulesTable {
  id: string;
  scope: string;
  userId: string | null;
  ownerKey: string;
  groupName: string;
  releaseType: string;
  outputDir: string;
  inputDir: string | null;
  createdAt: Millis;
  updatedAt: Millis;
}

export interface TemplatesTable {
  id: string;
  name: string;
  kind: string;
  releaseType: string;
  description: string | null;
  content: string;
  isDefault: Flag;
  createdBy: string | null;
  createdAt: Millis;
  updatedAt: Millis;
}

export interface DestinationsTable {
  id: string;
  userId: string;
  name: string;
  protocol: string;
  host: string;
  port: number;
  username: string;
  passwordEnc: string | null;
  privateKeyEnc: string | null;
  passphraseEnc: string | null;
  hostKeyFingerprint: string | null;
  tlsFingerprint: string | null;
  remotePath: string;
  passive: Flag;
  timeoutMs: number;
  groupName: string | null;
  releaseType: string | null;
  enabled: Flag;
  createdAt: Millis;
  updatedAt: Millis;
}

export interface ApiConfigsTable {
  id: string;
  scope: string;
  userId: string | null;
  ownerKey: string;
  provider: string;
  apiKeyEnc: string | null;
  pinEnc: string | null;
  baseUrl: string | null;
  enabled: Flag;
  createdAt: Millis;
  updatedAt: Millis;
}

export interface ReleasesTable {
  id: string;
  userId: string;
  jobId: string | null;
  name: string;
  type: string;
  groupName: string;
  profile: string;
  status: string;
  outputDir: string;
  sizeBytes: number;
  fileCount: number;
  metadata: JsonText;
  createdAt: Millis;
  updatedAt: Millis;
}

export interface JobsTable {
  id: string;
  userId: string;
  name: string;
  status: string;
  releaseType: string | null;
  groupName: string | null;
  releaseName: string | null;
  payload: JsonText;
  result: JsonText;
  progress: number;
  progressMessage: string | null;
  attempts: number;
  maxAttempts: number;
  errorCode: string | null;
  errorMessage: string | null;
  cancelRequested: Flag;
  runAfter: Millis;
  lockedBy: string | null;
  lockedUntil: Millis | null;
  createdAt: Millis;
  updatedAt: Millis;
  startedAt: Millis | null;
  completedAt: Millis | null;
}

export interface JobLogsTable {
  id: Generated<number>;
  jobId: string;
  level: string;
  message: string;
  createdAt: Millis;
}

export interface ArtifactsTable {
  id: string;
  jobId: string | null;
  releaseId: string | null;
  path: string;
  kind: string;
  sizeBytes: number;
  crc32: string | null;
  createdAt: Millis;
}

export interface DeliveriesTable {
  id: string;
  jobId: string | null;
  releaseId: string | null;
  destinationId: string;
  status: string;
  bytesSent: number;
  bytesTotal: number;
  attempts: number;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: Millis;
  startedAt: Millis | null;
  completedAt: Millis | null;
}

export interface MetadataCacheTable {
  key: string;
  provider: string;
  value: JsonText;
  createdAt: Millis;
  expiresAt: Millis;
}

export interface AuditLogTable {
  id: string;
  userId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  details: JsonText;
  ip: string | null;
  createdAt: Millis;
}

/** Keys are the camelCase table names (`apiTokens` is `api_tokens` in SQL). */
export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  preferences: PreferencesTable;
  pathRules: PathRulesTable;
  templates: TemplatesTable;
  destinations: DestinationsTable;
  apiConfigs: ApiConfigsTable;
  releases: ReleasesTable;
  jobs: JobsTable;
  jobLogs: JobLogsTable;
  artifacts: ArtifactsTable;
  deliveries: DeliveriesTable;
  metadataCache: MetadataCacheTable;
  auditLog: AuditLogTable;
}
