/**
 * Driver errors that the local servers cannot produce on demand (MySQL 8's message format,
 * PostgreSQL shutdowns, dropped sockets) translated the same way as the ones the integration
 * suites provoke for real.
 */
import { describe, expect, it } from 'vitest';
import { translateDbError, withDbErrors } from '../../../src/db/errors.js';
import { AppError } from '../../../src/shared/errors.js';

function driverError(fields: Record<string, unknown>): Error {
  const message = typeof fields.message === 'string' ? fields.message : 'driver error';
  return Object.assign(new Error(message), fields);
}

describe('translateDbError', () => {
  it.each([
    [{ code: '23505', constraint: 'users_email_key_unique' }, 'users_email_key_unique'],
    [{ code: '23505' }, 'unknown'],
    [
      { code: 'ER_DUP_ENTRY', message: "Duplicate entry 'a' for key 'users_username_key_unique'" },
      'users_username_key_unique',
    ],
    [
      {
        code: 'ER_DUP_ENTRY',
        message: "Duplicate entry 'a' for key 'users.users_username_key_unique'",
      },
      'users_username_key_unique',
    ],
    [{ code: 'ER_DUP_ENTRY', message: "Duplicate entry 'x' for key 'PRIMARY'" }, 'jobs_pkey'],
    [
      { code: 'ER_DUP_ENTRY', message: "Duplicate entry 'x' for key 'releases.PRIMARY'" },
      'releases_pkey',
    ],
    [
      {
        code: 'SQLITE_CONSTRAINT_UNIQUE',
        message:
          'UNIQUE constraint failed: preferences.key, preferences.scope, preferences.owner_key',
      },
      'preferences_owner_unique',
    ],
    [
      { code: 'SQLITE_CONSTRAINT_PRIMARYKEY', message: 'UNIQUE constraint failed: jobs.id' },
      'jobs_pkey',
    ],
  ])('names the unique constraint of %j as %s', (fields, constraint) => {
    const translated = translateDbError(driverError(fields), 'jobs');
    expect(translated).toBeInstanceOf(AppError);
    expect(translated).toMatchObject({ code: 'resource.conflict', details: { constraint } });
  });

  it.each([
    { code: '23503' },
    { code: 'ER_ROW_IS_REFERENCED_2' },
    { code: 'ER_NO_REFERENCED_ROW_2' },
    { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' },
    { code: 'SQLITE_CONSTRAINT_TRIGGER', message: 'FOREIGN KEY constraint failed' },
  ])('reports the foreign-key violation %j as a conflict', (fields) => {
    expect(translateDbError(driverError(fields))).toMatchObject({
      code: 'resource.conflict',
      details: { constraint: 'foreign_key' },
    });
  });

  it.each([
    { code: 'ECONNREFUSED' },
    { code: 'ECONNRESET' },
    { code: 'PROTOCOL_CONNECTION_LOST' },
    { code: '57P01' },
    { code: '08006' },
    { code: 'SQLITE_BUSY' },
    { message: 'Connection terminated unexpectedly' },
    { message: 'Cannot use a pool after calling end on the pool' },
    { message: 'driver has already been destroyed' },
  ])('reports %j as db.unavailable, retryable', (fields) => {
    expect(translateDbError(driverError(fields))).toMatchObject({
      code: 'db.unavailable',
      retryable: true,
    });
  });

  it('leaves app errors, unknown errors and non-objects untouched', () => {
    const app = new AppError('validation.failed', 'bad');
    const syntax = driverError({ code: '42601', message: 'syntax error' });
    const trigger = driverError({ code: 'SQLITE_CONSTRAINT_TRIGGER', message: 'custom trigger' });
    expect(translateDbError(app)).toBe(app);
    expect(translateDbError(syntax)).toBe(syntax);
    expect(translateDbError(trigger)).toBe(trigger);
    expect(translateDbError('text')).toBe('text');
    expect(translateDbError(null)).toBe(null);
  });
});

describe('withDbErrors', () => {
  it('translates rejections of every method and passes results and other fields through', async () => {
    const repository = {
      ok: (value: number) => Promise.resolve(value * 2),
      fails: () => Promise.reject(driverError({ code: 'ECONNREFUSED' })),
      label: 'not a method',
    };
    const wrapped = withDbErrors('jobs', repository);
    expect(await wrapped.ok(21)).toBe(42);
    await expect(wrapped.fails()).rejects.toMatchObject({ code: 'db.unavailable' });
    expect(wrapped.label).toBe('not a method');
  });
});
