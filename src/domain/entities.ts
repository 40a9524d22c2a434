/**
 * The rows the program works with, as the repositories return them: camelCase, `Date` for
 * timestamps, `boolean` for flags, parsed JSON for JSON columns — identical on SQLite, MariaDB
 * and PostgreSQL. Secret columns hold ciphertext (`enc:v1:…`), never plain text.
 */
import type {
  ApiProvider,
  DeliveryStatus,
  DestinationProtocol,
  JobStatus,
  JsonObject,
  JsonValue,
  LogLevel,
  ReleaseStatus,
  ReleaseType,
  Role,
  Scope,
  TemplateKind,
} from './enums.js';

export interface User {
  id: string;
  username: string;
  email: string | null;
  displayName: string | null;
  role: Role;
  disabled: boolean;
  passwordHash: string;
  /** Set when an admin reset the password or the first admin got a generated one. */
  mustChangePassword: boolean;
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
}

/** A refresh token of one login. Rotation creates a new row in the same family. */
export interface Session {
  id: string;
  userId: string;
  familyId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  /** Set when this token was exchanged for a newer one or revoked at logout. */
  revokedAt: Date | null;
  replacedById: string | null;
  userAgent: string | null;
  ip: string | null;
}

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  /** The first characters of the token, shown so the user can tell tokens apart. */
  prefix: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface Preference {
  id: string;
  scope: Scope;
  userId: string | null;
  key: string;
  value: JsonValue;
  createdAt: Date;
  updatedAt: Date;
}

/** Where releases of one group and type are written (and optionally read from). */
export interface PathRule {
  id: string;
  scope: Scope;
  userId: string | null;
  groupName: string;
  releaseType: ReleaseType;
  outputDir: string;
  inputDir: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Template {
  id: string;
  name: string;
  kind: TemplateKind;
  releaseType: ReleaseType;
  description: string | null;
  content: string;
  isDefault: boolean;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Destination {
  id: string;
  userId: string;
  name: string;
  protocol: DestinationProtocol;
  host: string;
  port: number;
  username: string;
  /** Ciphertext of the password, or null. */
  passwordEnc: string | null;
  /** Ciphertext of an SSH private key (PEM/OpenSSH), or null. */
  privateKeyEnc: string | null;
  passphraseEnc: string | null;
  /** Pinned SSH host key, `SHA256:<base64>`. */
  hostKeyFingerprint: string | null;
  /** Accepted TLS certificate fingerprint (SHA-256, hex with colons) for self-signed FTPS sites. */
  tlsFingerprint: string | null;
  remotePath: string;
  passive: boolean;
  timeoutMs: number;
  /** Auto-selection: releases of this group (and type, when set) go here. */
  groupName: string | null;
  releaseType: ReleaseType | null;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface ApiConfig {
  id: string;
  scope: Scope;
  userId: string | null;
  provider: ApiProvider;
  apiKeyEnc: string | null;
  /** TheTVDB subscriber PIN, encrypted. */
  pinEnc: string | null;
  baseUrl: string | null;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface Release {
  id: string;
  userId: string;
  jobId: string | null;
  name: string;
  type: ReleaseType;
  groupName: string;
  profile: string;
  status: ReleaseStatus;
  outputDir: string;
  sizeBytes: number;
  fileCount: number;
  metadata: JsonObject;
  createdAt: Date;
  updatedAt: Date;
}

export interface Job {
  id: string;
  userId: string;
  /** Catalogue name, `<noun>.<verb>` (e.g. `release.package`). */
  name: string;
  status: JobStatus;
  releaseType: ReleaseType | null;
  groupName: string | null;
  releaseName: string | null;
  payload: JsonObject;
  result: JsonValue;
  /** 0 … 100 */
  progress: number;
  progressMessage: string | null;
  attempts: number;
  maxAttempts: number;
  errorCode: string | null;
  errorMessage: string | null;
  cancelRequested: boolean;
  runAfter: Date;
  lockedBy: string | null;
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

export interface JobLog {
  id: number;
  jobId: string;
  level: LogLevel;
  message: string;
  createdAt: Date;
}

export interface Artifact {
  id: string;
  jobId: string | null;
  releaseId: string | null;
  /** Relative to the release directory, `/`-separated. */
  path: string;
  kind: string;
  sizeBytes: number;
  /** 8 upper-case hex digits. */
  crc32: string | null;
  createdAt: Date;
}

export interface Delivery {
  id: string;
  jobId: string | null;
  releaseId: string | null;
  destinationId: string;
  status: DeliveryStatus;
  bytesSent: number;
  bytesTotal: number;
  attempts: number;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

export interface MetadataCacheEntry {
  key: string;
  provider: string;
  value: JsonValue;
  createdAt: Date;
  expiresAt: Date;
}

export interface AuditEntry {
  id: string;
  userId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  details: JsonObject;
  ip: string | null;
  createdAt: Date;
}
