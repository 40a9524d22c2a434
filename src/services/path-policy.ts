/**
 * Where the program may read and write on the server: inside the data directory or one of the
 * allowed roots. Relative paths are taken from the data directory. Any `..` segment is refused
 * outright, even when it would resolve inside a root, so a stored path means what it says.
 */
import { isAbsolute, resolve, sep } from 'node:path';
import { AppError } from '../shared/errors.js';

const MAX_PATH_LENGTH = 500;

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

export function resolveAllowedPath(
  raw: string,
  dataDir: string,
  roots: readonly string[],
  field = 'path',
): string {
  const problem = describeProblem(raw);
  if (problem !== undefined) {
    throw new AppError('validation.path_outside_root', `${field}: ${problem}`, {
      details: { issues: [{ path: field, message: problem }] },
    });
  }
  const resolved = isAbsolute(raw) ? resolve(raw) : resolve(dataDir, raw);
  const allowed = [dataDir, ...roots];
  if (!allowed.some((root) => isInside(resolved, root))) {
    const message = `must be inside the data directory or an allowed root (${allowed.join(', ')})`;
    throw new AppError('validation.path_outside_root', `${field}: ${message}`, {
      details: { issues: [{ path: field, message }] },
    });
  }
  return resolved;
}

function describeProblem(raw: string): string | undefined {
  if (raw.trim().length === 0) {
    return 'must not be empty';
  }
  if (raw.length > MAX_PATH_LENGTH) {
    return `must be at most ${MAX_PATH_LENGTH} characters`;
  }
  if (raw.includes('\0')) {
    return 'must not contain NUL characters';
  }
  if (raw.split(/[\\/]+/).includes('..')) {
    return 'must not contain ".." segments';
  }
  return undefined;
}
