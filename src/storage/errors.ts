/** File-system errors as the AppErrors the storage port promises. */
import { AppError } from '../shared/errors.js';

const FULL = new Set(['ENOSPC', 'EDQUOT']);

export function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A failure while writing `path`: a full disk is said plainly, the rest is unexpected. */
export function writeError(error: unknown, path: string): AppError {
  if (error instanceof AppError) {
    return error;
  }
  if (FULL.has(errnoOf(error) ?? '')) {
    return new AppError('release.disk_full', `The disk is full: "${path}" could not be written`, {
      details: { path },
      cause: error,
    });
  }
  return new AppError('internal.unexpected', `"${path}" could not be written`, {
    details: { path, errno: errnoOf(error) ?? null },
    cause: error,
  });
}

/** A failure while reading `path`. */
export function readError(error: unknown, path: string): AppError {
  if (error instanceof AppError) {
    return error;
  }
  const errno = errnoOf(error);
  const reason =
    errno === 'ENOENT'
      ? 'it does not exist'
      : errno === 'EISDIR'
        ? 'it is a directory'
        : errno === 'EACCES' || errno === 'EPERM'
          ? 'permission denied'
          : (errno ?? 'I/O error');
  return new AppError('release.input_unreadable', `"${path}" cannot be read: ${reason}`, {
    details: { path, errno: errno ?? null },
    cause: error,
  });
}

export function releaseExists(target: string): AppError {
  return new AppError('release.exists', `"${target}" already exists; use --force to replace it`, {
    details: { path: target },
  });
}
