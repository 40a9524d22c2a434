/**
 * What services may ask of the database. Implementations live in `db/repositories/` (Kysely);
 * services see only these interfaces. Every method returns domain rows (see `domain/entities.ts`):
 * camelCase, `Date` timestamps, `boolean` flags, parsed JSON.
 *
 * Contracts shared by every repository:
 * - `create` takes the caller's id (UUID) and timestamps, so behaviour is the same on dialects
 *   without `RETURNING`; it returns the stored row.
 * - `find…` returns `undefined` when nothing matches; it never throws for "not found".
 * - A unique-constraint violation throws `AppError('resource.conflict')` with
 *   `details: { constraint }`; a lost connection throws `AppError('db.unavailable', …, { retryable: true })`.
 *   Constraint names are the same on every dialect (`users_username_key_unique`, `<table>_pkey`,
 *   see `db/constraints.ts`). A foreign-key violation (a missing parent, or deleting a user who
 *   still owns jobs or releases) is `resource.conflict` with `details: { constraint: 'foreign_key' }`.
 * - `update` with an unknown id returns `undefined`; `id` and `createdAt` in a patch are ignored.
 * - Lists are newest first (`createdAt`, then `id`) unless a method says otherwise.
 * - Deleting a user deletes their sessions, API tokens, preferences, path rules, destinations
 *   (with their deliveries) and API configurations; it is refused while the user owns jobs or
 *   releases (history is kept: disable the account instead). The audit log keeps the user's id.
 */
import type {
  ApiConfig,
  ApiToken,
  Artifact,
  AuditEntry,
  Delivery,
  Destination,
  Job,
  JobLog,
  MetadataCacheEntry,
  PathRule,
  Preference,
  Release,
  Session,
  Template,
  User,
} from '../domain/entities.js';
import type {
  ApiProvider,
  JobStatus,
  ReleaseType,
  Role,
  Scope,
  TemplateKind,
} from '../domain/enums.js';

export interface Page {
  limit: number;
  offset: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

/** Fields a caller may change; `id`, `createdAt` stay. */
type Patch<T> = Partial<Omit<T, 'id' | 'createdAt'>>;

export interface UserRepository {
  create(user: User): Promise<User>;
  findById(id: string): Promise<User | undefined>;
  /** Case-insensitive. */
  findByUsername(username: string): Promise<User | undefined>;
  /** Case-insensitive. */
  findByEmail(email: string): Promise<User | undefined>;
  list(
    filter: { role?: Role; disabled?: boolean; search?: string },
    page: Page,
  ): Promise<Paged<User>>;
  update(id: string, patch: Patch<User>): Promise<User | undefined>;
  delete(id: string): Promise<boolean>;
  /** Admins that are not disabled. */
  countActiveAdmins(): Promise<number>;
  countByRole(): Promise<Record<Role, number>>;
}

export interface SessionRepository {
  create(session: Session): Promise<Session>;
  findByTokenHash(tokenHash: string): Promise<Session | undefined>;
  /** Marks one token used: sets `revokedAt` and `replacedById`. */
  markReplaced(id: string, replacedById: string, at: Date): Promise<void>;
  revoke(id: string, at: Date): Promise<void>;
  /** Revokes every live token of the family (a reused token is a theft signal). */
  revokeFamily(familyId: string, at: Date): Promise<number>;
  revokeAllForUser(userId: string, at: Date): Promise<number>;
  /** True when the family still has a token that is neither revoked nor expired at `now`. */
  isFamilyActive(familyId: string, now: Date): Promise<boolean>;
  deleteExpired(before: Date): Promise<number>;
}

export interface ApiTokenRepository {
  create(token: ApiToken): Promise<ApiToken>;
  findByTokenHash(tokenHash: string): Promise<ApiToken | undefined>;
  findById(id: string): Promise<ApiToken | undefined>;
  listForUser(userId: string): Promise<ApiToken[]>;
  touch(id: string, at: Date): Promise<void>;
  revoke(id: string, at: Date): Promise<void>;
}

export interface PreferenceRepository {
  /** `userId` null reads the global scope. */
  find(scope: Scope, userId: string | null, key: string): Promise<Preference | undefined>;
  /** Sorted by key (code-unit order, the same on every dialect). */
  list(scope: Scope, userId: string | null): Promise<Preference[]>;
  /**
   * Inserts or replaces the value of (scope, userId, key). On replace the stored row keeps its
   * `id` and `createdAt`; `value` and `updatedAt` come from the argument. Returns the stored row.
   */
  upsert(preference: Preference): Promise<Preference>;
  delete(scope: Scope, userId: string | null, key: string): Promise<boolean>;
}

export interface PathRuleRepository {
  find(
    scope: Scope,
    userId: string | null,
    groupName: string,
    releaseType: ReleaseType,
  ): Promise<PathRule | undefined>;
  findById(id: string): Promise<PathRule | undefined>;
  /**
   * Rules visible to a user: theirs plus the global ones (all rows when `userId` is undefined,
   * only the global ones when it is null).
   */
  list(filter: { userId?: string | null; scope?: Scope; groupName?: string }): Promise<PathRule[]>;
  /**
   * Inserts, or for the same (scope, userId, groupName, releaseType) replaces `outputDir`,
   * `inputDir` and `updatedAt`, keeping the stored `id` and `createdAt`. Returns the stored row.
   */
  upsert(rule: PathRule): Promise<PathRule>;
  delete(id: string): Promise<boolean>;
}

export interface TemplateRepository {
  create(template: Template): Promise<Template>;
  findById(id: string): Promise<Template | undefined>;
  findDefault(kind: TemplateKind, releaseType: ReleaseType): Promise<Template | undefined>;
  list(
    filter: { kind?: TemplateKind; releaseType?: ReleaseType },
    page: Page,
  ): Promise<Paged<Template>>;
  update(id: string, patch: Patch<Template>): Promise<Template | undefined>;
  /** Clears `isDefault` on every other template of the same kind and type. */
  clearDefault(kind: TemplateKind, releaseType: ReleaseType, exceptId: string): Promise<void>;
  delete(id: string): Promise<boolean>;
}

export interface DestinationRepository {
  create(destination: Destination): Promise<Destination>;
  findById(id: string): Promise<Destination | undefined>;
  findByName(userId: string, name: string): Promise<Destination | undefined>;
  /** `userId` undefined lists every owner's rows (admin). */
  list(
    filter: { userId?: string; groupName?: string; enabled?: boolean },
    page: Page,
  ): Promise<Paged<Destination>>;
  update(id: string, patch: Patch<Destination>): Promise<Destination | undefined>;
  delete(id: string): Promise<boolean>;
  /** Every row, for re-encryption by `secrets rotate`. */
  all(): Promise<Destination[]>;
}

export interface ApiConfigRepository {
  create(config: ApiConfig): Promise<ApiConfig>;
  findById(id: string): Promise<ApiConfig | undefined>;
  find(scope: Scope, userId: string | null, provider: ApiProvider): Promise<ApiConfig | undefined>;
  /** `userId` given: that user's rows plus global rows; undefined: every row. */
  list(filter: { userId?: string; provider?: ApiProvider }): Promise<ApiConfig[]>;
  update(id: string, patch: Patch<ApiConfig>): Promise<ApiConfig | undefined>;
  delete(id: string): Promise<boolean>;
  all(): Promise<ApiConfig[]>;
}

export interface ReleaseRepository {
  create(release: Release): Promise<Release>;
  findById(id: string): Promise<Release | undefined>;
  findByName(name: string): Promise<Release | undefined>;
  list(
    filter: { userId?: string; type?: ReleaseType; groupName?: string; search?: string },
    page: Page,
  ): Promise<Paged<Release>>;
  update(id: string, patch: Patch<Release>): Promise<Release | undefined>;
  delete(id: string): Promise<boolean>;
  countByType(): Promise<Record<ReleaseType, number>>;
  totalBytes(): Promise<number>;
}

export interface JobListFilter {
  userId?: string;
  status?: JobStatus;
  releaseType?: ReleaseType;
  name?: string;
}

export interface JobRepository {
  create(job: Job): Promise<Job>;
  findById(id: string): Promise<Job | undefined>;
  list(filter: JobListFilter, page: Page): Promise<Paged<Job>>;
  update(id: string, patch: Patch<Job>): Promise<Job | undefined>;
  delete(id: string): Promise<boolean>;
  /**
   * Atomically leases the oldest runnable job (`pending`, `runAfter <= now`, or `running` with an
   * expired lease): sets `status = running`, `lockedBy`, `lockedUntil`, increments `attempts`,
   * sets `updatedAt = now` and `startedAt = now` when it was null. Two workers never lease the
   * same job. `names` limits the job names; an empty list claims nothing.
   */
  claimNext(
    workerId: string,
    now: Date,
    leaseUntil: Date,
    names?: string[],
  ): Promise<Job | undefined>;
  /** Extends the lease if `workerId` still holds it; false when the lease was lost. */
  renewLease(id: string, workerId: string, leaseUntil: Date): Promise<boolean>;
  countByStatus(): Promise<Record<JobStatus, number>>;
}

export interface JobLogRepository {
  append(jobId: string, level: JobLog['level'], message: string, at: Date): Promise<void>;
  /**
   * In insertion order (by `id`, which follows insertion even when timestamps tie or the clock
   * steps back). `afterId` returns only newer lines (for SSE); no `limit` returns every line.
   */
  list(jobId: string, options?: { afterId?: number; limit?: number }): Promise<JobLog[]>;
}

export interface ArtifactRepository {
  createMany(artifacts: Artifact[]): Promise<void>;
  /** Sorted by `path` (code-unit order), like a directory listing. */
  listForJob(jobId: string): Promise<Artifact[]>;
  /** Sorted by `path` (code-unit order), like a directory listing. */
  listForRelease(releaseId: string): Promise<Artifact[]>;
}

export interface DeliveryRepository {
  create(delivery: Delivery): Promise<Delivery>;
  findById(id: string): Promise<Delivery | undefined>;
  update(id: string, patch: Patch<Delivery>): Promise<Delivery | undefined>;
  list(filter: { jobId?: string; releaseId?: string; destinationId?: string }): Promise<Delivery[]>;
}

export interface MetadataCacheRepository {
  /** Undefined when absent or expired at `now`. */
  get(key: string, now: Date): Promise<MetadataCacheEntry | undefined>;
  set(entry: MetadataCacheEntry): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}

export interface AuditRepository {
  append(entry: AuditEntry): Promise<void>;
  list(
    filter: { userId?: string; resourceType?: string; action?: string },
    page: Page,
  ): Promise<Paged<AuditEntry>>;
}

/** Every repository, bound to one connection or one transaction. */
export interface Repositories {
  users: UserRepository;
  sessions: SessionRepository;
  apiTokens: ApiTokenRepository;
  preferences: PreferenceRepository;
  pathRules: PathRuleRepository;
  templates: TemplateRepository;
  destinations: DestinationRepository;
  apiConfigs: ApiConfigRepository;
  releases: ReleaseRepository;
  jobs: JobRepository;
  jobLogs: JobLogRepository;
  artifacts: ArtifactRepository;
  deliveries: DeliveryRepository;
  metadataCache: MetadataCacheRepository;
  audit: AuditRepository;
}

export interface TransactionScope extends Repositories {
  /** Runs `callback` once the transaction has committed (never on rollback). Errors are logged, not thrown. */
  afterCommit(callback: () => void | Promise<void>): void;
}

export interface UnitOfWork {
  /**
   * Runs `work` in one transaction; commits when it resolves, rolls back when it throws (and
   * rethrows). After-commit callbacks are awaited, in order, before this resolves. Do not open a
   * transaction inside `work` (on SQLite it would wait for ever): use the `tx` repositories.
   */
  transaction<T>(work: (tx: TransactionScope) => Promise<T>): Promise<T>;
}

export interface MigrationStatus {
  name: string;
  executedAt: Date | null;
}

/** The database as a whole: repositories outside a transaction, transactions, migrations, health. */
export interface Database extends UnitOfWork {
  readonly dialect: 'sqlite' | 'mysql' | 'postgres';
  readonly repos: Repositories;
  migrateToLatest(): Promise<string[]>;
  /** Reverts the last migration; returns its name, or undefined when none is applied. */
  migrateDown(): Promise<string | undefined>;
  migrationStatus(): Promise<MigrationStatus[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
