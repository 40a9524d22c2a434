/** Small constructors, so every finding reads the same way. */
import type { Finding } from './types.js';

export function error(rule: string, message: string, file?: string): Finding {
  return file === undefined
    ? { level: 'error', rule, message }
    : { level: 'error', rule, message, file };
}

export function warning(rule: string, message: string, file?: string): Finding {
  return file === undefined
    ? { level: 'warning', rule, message }
    : { level: 'warning', rule, message, file };
}

/** An error, or a warning where the profile says breaking this limit is only a warning. */
export function limit(asWarning: boolean, rule: string, message: string, file?: string): Finding {
  return asWarning ? warning(rule, message, file) : error(rule, message, file);
}
