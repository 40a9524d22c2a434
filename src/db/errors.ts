/**
 * Turns driver errors into the catalogue's codes, the same way on every dialect:
 * unique violation → `resource.conflict` with `details.constraint` (one name per constraint,
 * see `constraints.ts`); foreign-key violation → `resource.conflict` with
 * `details.constraint = 'foreign_key'` (SQLite does not say which key, so no dialect does);
 * a database that cannot be reached → `db.unavailable`, retryable. Anything else is rethrown
 * untouched: it is a bug, not an expected answer.
 */
import { AppError, isAppError } from '../shared/errors.js';
import { constraintForColumns } from './constraints.js';

interface DriverError {
  code?: unknown;
  errno?: unknown;
  constraint?: unknown;
  message?: unknown;
}

/** Error codes (Node, mysql2, PostgreSQL SQLSTATE, SQLite) that mean "cannot reach the database". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  '53300',
  '57P01',
  '57P02',
  '57P03',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_FULL',
]);

const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /after calling end on the pool/i,
  /pool is closed/i,
  /driver has already been destroyed/i,
  /database connection is not open/i,
];

export function translateDbError(error: unknown, table?: string): unknown {
  if (isAppError(error) || typeof error !== 'object' || error === null) {
    return error;
  }
  const e = error as DriverError;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  const unique = uniqueConstraint(code, e, message, table);
  if (unique !== undefined) {
    return new AppError('resource.conflict', `Already exists (${unique})`, {
      details: { constraint: unique },
      cause: error,
    });
  }
  if (isForeignKeyViolation(code, message)) {
    return new AppError(
      'resource.conflict',
      'The row is referenced by, or references, other rows',
      {
        details: { constraint: 'foreign_key' },
        cause: error,
      },
    );
  }
  if (isUnavailable(code, message)) {
    return new AppError('db.unavailable', 'The database is not reachable', {
      retryable: true,
      cause: error,
    });
  }
  return error;
}

function uniqueConstraint(
  code: string,
  e: DriverError,
  message: string,
  table: string | undefined,
): string | undefined {
  if (code === '23505') {
    return typeof e.constraint === 'string' ? e.constraint : 'unknown';
  }
  if (code === 'ER_DUP_ENTRY') {
    return mysqlKeyName(message, table);
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return sqliteConstraint(message);
  }
  return undefined;
}

/** MariaDB: "… for key 'name'"; MySQL 8: "… for key 'table.name'"; the primary key is PRIMARY. */
function mysqlKeyName(message: string, table: string | undefined): string {
  const key = /for key '([^']+)'/.exec(message)?.[1] ?? 'unknown';
  const dot = key.lastIndexOf('.');
  const prefix = dot === -1 ? table : key.slice(0, dot);
  const name = key.slice(dot + 1);
  return name === 'PRIMARY' ? `${prefix ?? 'unknown'}_pkey` : name;
}

/** "UNIQUE constraint failed: preferences.scope, preferences.owner_key, preferences.key" */
function sqliteConstraint(message: string): string {
  const list = /constraint failed: (.+)$/.exec(message)?.[1] ?? '';
  const parts = list.split(',').map((part) => part.trim().split('.'));
  const table = parts[0]?.[0] ?? 'unknown';
  return constraintForColumns(
    table,
    parts.map((part) => part[1] ?? ''),
  );
}

function isForeignKeyViolation(code: string, message: string): boolean {
  return (
    code === '23503' ||
    // SQLite reports ON DELETE RESTRICT through its trigger machinery.
    (code === 'SQLITE_CONSTRAINT_TRIGGER' && message.includes('FOREIGN KEY')) ||
    code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ||
    code === 'ER_ROW_IS_REFERENCED_2' ||
    code === 'ER_NO_REFERENCED_ROW_2'
  );
}

function isUnavailable(code: string, message: string): boolean {
  return (
    UNAVAILABLE_CODES.has(code) ||
    code.startsWith('08') ||
    UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))
  );
}

/** Wraps every method of a repository so its errors come out translated. */
export function withDbErrors<T extends object>(table: string, repository: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(repository)) {
    wrapped[name] =
      typeof method === 'function'
        ? async (...args: unknown[]): Promise<unknown> => {
            try {
              return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
            } catch (error) {
              throw translateDbError(error, table);
            }
          }
        : method;
  }
  return wrapped as T;
}
