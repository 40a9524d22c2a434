/**
 * One error handler for the whole API: every failure leaves as `{ code, message, details? }` with
 * the status from the one table (`error-status.ts`). Validation failures carry the field paths.
 * Unexpected errors are logged with the request id and answered with a generic 500 — no stack
 * trace, no internal message ever reaches a client.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError, type ErrorCode, type FieldIssue } from '../../shared/errors.js';
import { HTTP_STATUS } from './error-status.js';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Fastify's own error codes that are the client's fault, mapped onto ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation.bad_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation.bad_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'validation.body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'validation.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation.failed',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'validation.unsupported_media_type',
  FST_REQ_FILE_TOO_LARGE: 'validation.body_too_large',
  FST_PARTS_LIMIT: 'validation.body_too_large',
  FST_FILES_LIMIT: 'validation.body_too_large',
  FST_ERR_VALIDATION: 'validation.failed',
  FST_CSRF_INVALID_TOKEN: 'auth.csrf_invalid',
  FST_CSRF_MISSING_SECRET: 'auth.csrf_invalid',
};

function zodIssues(
  error: FastifyError & {
    validation: { instancePath: string; message?: string; params?: unknown }[];
    validationContext?: string;
  },
): FieldIssue[] {
  return error.validation.map((issue) => {
    const context = error.validationContext ?? 'body';
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const unknownKeys = (issue.params as { issue?: { keys?: string[] } } | undefined)?.issue?.keys;
    const suffix = unknownKeys ? `.${unknownKeys.join(',')}` : '';
    return {
      path: path ? `${context}.${path}${suffix}` : `${context}${suffix}`,
      message: issue.message ?? 'Invalid value',
    };
  });
}

function toAppError(error: unknown): AppError | undefined {
  if (isAppError(error)) {
    return error;
  }
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const issues = zodIssues(fastifyError);
    return new AppError(
      'validation.failed',
      `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      { details: { issues } },
    );
  }
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) {
    return new AppError(mapped, fastifyError.message);
  }
  if (fastifyError.statusCode === 429) {
    return new AppError('auth.rate_limited', 'Too many requests; try again later');
  }
  if (
    fastifyError.statusCode !== undefined &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return new AppError('validation.failed', fastifyError.message);
  }
  return undefined;
}

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  const body: ErrorBody = { code: error.code, message: error.message };
  if (error.details !== undefined) {
    body.details = error.details;
  }
  const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)
    ?.retryAfterSeconds;
  if (retryAfter !== undefined) {
    void reply.header('retry-after', String(retryAfter));
  }
  return reply.code(HTTP_STATUS[error.code]).type('application/json').send(body);
}

function handle(
  this: FastifyInstance,
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const known = toAppError(error);
  if (known && HTTP_STATUS[known.code] < 500) {
    request.log.info({ code: known.code }, known.message);
    return sendError(reply, known);
  }
  request.log.error({ err: error }, 'request failed');
  const hidden =
    known ??
    new AppError(
      'internal.unexpected',
      'Something went wrong on the server; the error is logged with this request id',
    );
  return sendError(
    reply,
    new AppError(hidden.code, known ? known.message : hidden.message, {
      details: { requestId: request.id },
    }),
  );
}

export const errorsPlugin = fp(
  (app: FastifyInstance) => {
    app.setErrorHandler(handle);
  },
  { name: 'errors' },
);
