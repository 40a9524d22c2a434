import type { components } from './schema';

/** Codes the server sends (`shared/errors.ts`), plus the two the client makes up itself. */
export type ServerErrorCode = components['schemas']['Error']['code'];
export type ErrorCode = ServerErrorCode | 'client.network' | 'client.bad_response';

export interface FieldIssue {
  path: string;
  message: string;
}

/** A failed API call: the HTTP status and the stable `code` the SPA translates (`errors.<code>`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(status: number, code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field-level problems of a `validation.failed` answer. */
  get issues(): FieldIssue[] {
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
  }

  /** The field a `resource.conflict` is about (`username`, `email`), when the server says. */
  get field(): string | undefined {
    const field = (this.details as { field?: unknown } | undefined)?.field;
    return typeof field === 'string' ? field : undefined;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Builds the error from a non-2xx answer whose body should be `{ code, message, details? }`. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      code?: unknown;
      message?: unknown;
      details?: unknown;
    };
    if (typeof body.code === 'string') {
      const message = typeof body.message === 'string' ? body.message : response.statusText;
      return new ApiError(response.status, body.code as ErrorCode, message, body.details);
    }
  } catch {
    // not JSON: fall through to the generic error below
  }
  return new ApiError(response.status, 'client.bad_response', `HTTP ${response.status}`);
}
