import { isApiError } from '../api/errors';

/**
 * Puts the server's field-level problems (`validation.failed`, `validation.path_outside_root`) on
 * the form fields they name (`body.host` → `host`): field → message, for `form.setErrors`.
 */
export function fieldErrorsFrom(error: unknown, fields: readonly string[]): Record<string, string> {
  if (!isApiError(error)) {
    return {};
  }
  const found: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.replace(/^body\./, '');
    if (fields.includes(field)) {
      found[field] = issue.message;
    }
  }
  return found;
}
