/** The errors name builders share, so every entry point words them the same way. */
import { AppError } from '../../shared/errors.js';

export function invalidName(field: string, message: string): AppError {
  return new AppError('release.invalid_name', message, { details: { field } });
}

export function titleRequired(field = 'title'): AppError {
  return new AppError(
    'release.title_required',
    `The ${field} is empty once reduced to the characters a release name allows`,
    { details: { field } },
  );
}

/** The year as a number in 1900–2099, or `release.year_required`. */
export function assertYear(input: number | string | null | undefined, field = 'year'): number {
  const text = typeof input === 'number' ? String(input) : (input ?? '').trim();
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= 1900 && year <= 2099)) {
    const message =
      text === ''
        ? 'A year is required: give the publication or production year'
        : `Year "${text}" is not a year between 1900 and 2099`;
    throw new AppError('release.year_required', message, { details: { field, value: text } });
  }
  return year;
}
