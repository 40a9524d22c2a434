import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, isAppError, validationError } from '../../../src/shared/errors.js';
import { HTTP_STATUS } from '../../../src/http/plugins/error-status.js';
import { EXIT_CODES } from '../../../src/cli/exit-codes.js';

describe('error catalogue', () => {
  it('gives every code an HTTP status and an exit code, and no table lists a stale code', () => {
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(EXIT_CODES).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('names codes <room>.<snake_case> and never twice', () => {
    for (const code of ERROR_CODES) {
      expect(code).toMatch(/^[a-z]+\.[a-z0-9_]+$/);
    }
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('maps auth failures to 401 and permission failures to 403, never the other way', () => {
    expect(HTTP_STATUS['auth.unauthenticated']).toBe(401);
    expect(HTTP_STATUS['auth.invalid_credentials']).toBe(401);
    expect(HTTP_STATUS['auth.forbidden']).toBe(403);
  });

  it('keeps code, details, retryable and cause', () => {
    const cause = new Error('socket hang up');
    const error = new AppError('delivery.timeout', 'timed out', {
      details: { file: 'a.rar' },
      retryable: true,
      cause,
    });
    expect(isAppError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'delivery.timeout',
      details: { file: 'a.rar' },
      retryable: true,
    });
    expect(error.cause).toBe(cause);
    expect(validationError([{ path: 'body.name', message: 'Required' }]).details).toEqual({
      issues: [{ path: 'body.name', message: 'Required' }],
    });
  });
});
