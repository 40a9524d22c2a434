/**
 * The error catalogue. Every failure the program reports carries one of these stable codes,
 * grouped by room as `<room>.<snake_case>`. The HTTP status of each code is decided in one table
 * (`src/http/plugins/error-status.ts`) and the CLI exit status in another (`src/cli/exit-codes.ts`);
 * both are typed `Record<ErrorCode, …>`, so adding a code here fails compilation until both tables
 * say what it means. Messages are plain English for logs and API clients; the web app translates
 * codes through its own i18n keys (`errors.<code>`).
 */
export const ERROR_CODES = [
  // validation: the request or the input is malformed
  'validation.failed',
  'validation.bad_json',
  'validation.body_too_large',
  'validation.path_outside_root',
  'validation.unsupported_media_type',
  // auth: who are you, and may you
  'auth.unauthenticated',
  'auth.invalid_credentials',
  'auth.token_expired',
  'auth.token_invalid',
  'auth.refresh_reused',
  'auth.csrf_invalid',
  'auth.rate_limited',
  'auth.account_disabled',
  'auth.forbidden',
  'auth.weak_password',
  'auth.wrong_password',
  // generic resources
  'resource.not_found',
  'resource.conflict',
  'route.not_found',
  // users
  'user.last_admin',
  'user.self_action',
  // secrets at rest and configuration
  'secrets.wrong_key',
  'secrets.key_invalid',
  'config.invalid',
  // database
  'db.unavailable',
  'db.migration_failed',
  /** The CLI in remote mode could not reach the API server. */
  'remote.unreachable',
  // templates
  'template.render_failed',
  'template.output_too_large',
  'template.is_default',
  // release engine
  'release.invalid_name',
  'release.title_required',
  'release.year_required',
  'release.group_invalid',
  'release.too_many_volumes',
  'release.exists',
  'release.check_failed',
  'release.cancelled',
  'release.input_unreadable',
  'release.input_empty',
  'release.format_unknown',
  'release.format_not_allowed',
  'release.disk_full',
  'release.sample_tool_missing',
  'release.not_a_release',
  'rar.corrupt',
  'rar.unsupported',
  // metadata
  'metadata.not_found',
  'metadata.rate_limited',
  'metadata.unavailable',
  'metadata.bad_credentials',
  'metadata.bad_response',
  'metadata.extract_failed',
  'metadata.file_corrupt',
  'metadata.file_encrypted',
  'metadata.file_too_large',
  'metadata.format_unsupported',
  // delivery
  'delivery.dns_failed',
  'delivery.connection_refused',
  'delivery.connection_failed',
  'delivery.timeout',
  'delivery.tls_failed',
  'delivery.host_key_unknown',
  'delivery.host_key_mismatch',
  'delivery.auth_failed',
  'delivery.path_missing',
  'delivery.not_writable',
  'delivery.quota_exceeded',
  'delivery.transfer_failed',
  'delivery.verify_failed',
  'delivery.source_changed',
  'delivery.cancelled',
  // jobs
  'job.not_cancellable',
  'job.not_retryable',
  'job.cancelled',
  // anything we did not foresee; its message is never shown to clients
  'internal.unexpected',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorOptions {
  details?: unknown;
  cause?: unknown;
  /** Whether trying again later may succeed (network drops, 5xx, rate limits). */
  retryable?: boolean;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.retryable = options.retryable ?? false;
  }
}

/** `code` when it is one of ours (a server's answer, a recorded failure), else `fallback`. */
export function errorCodeOr(code: unknown, fallback: ErrorCode): ErrorCode {
  return ERROR_CODES.find((known) => known === code) ?? fallback;
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Field-level problem of a validation failure: `path` is the dotted field path. */
export interface FieldIssue {
  path: string;
  message: string;
}

export function validationError(
  issues: FieldIssue[],
  message = 'The request is not valid',
): AppError {
  return new AppError('validation.failed', message, { details: { issues } });
}

export function notFound(what: string): AppError {
  return new AppError('resource.not_found', `${what} not found`);
}

export function forbidden(message = 'You are not allowed to do this'): AppError {
  return new AppError('auth.forbidden', message);
}
