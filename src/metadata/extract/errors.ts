import { AppError } from '../../shared/errors.js';

/** Which limit a hostile or oversized file ran into (reported in the error's details). */
type LimitName =
  'file_bytes' | 'zip_entries' | 'entry_bytes' | 'xml_depth' | 'read_bytes' | 'memory' | 'time';

export function corrupt(message: string, cause?: unknown): AppError {
  return new AppError('metadata.file_corrupt', message, { cause });
}

export function encrypted(message: string): AppError {
  return new AppError('metadata.file_encrypted', message);
}

export function unsupported(message: string): AppError {
  return new AppError('metadata.format_unsupported', message);
}

export function tooLarge(limit: LimitName, max: number, message: string): AppError {
  return new AppError('metadata.file_too_large', message, { details: { limit, max } });
}

export function timedOut(ms: number): AppError {
  return new AppError('metadata.extract_failed', `Extraction took longer than ${ms} ms`, {
    details: { limit: 'time', max: ms },
  });
}

export function failed(message: string, cause?: unknown): AppError {
  return new AppError('metadata.extract_failed', message, { cause });
}
