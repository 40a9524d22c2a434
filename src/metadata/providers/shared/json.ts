/**
 * Readers for JSON we did not write. Providers leave fields out, send `null`, `""` or `"N/A"`,
 * and occasionally change a type; these helpers turn anything unexpected into "absent" so a map
 * never throws on a surprising field, and `isRecord` lets clients reject a wrong envelope.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A trimmed non-empty string, else undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A finite number, or a string holding one ("9.0", "58"); else undefined. */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  const raw = text(value);
  if (raw === undefined || !/^-?\d+(\.\d+)?$/.test(raw)) {
    return undefined;
  }
  return Number(raw);
}

/** An id sent as a number or a string, as a string. */
export function idText(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? String(value) : text(value);
}

/** The array, or an empty one when the value is anything else. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The non-empty strings of a list, trimmed and without duplicates (case-insensitive). */
export function texts(value: unknown): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of list(value)) {
    const value = text(item);
    if (value !== undefined && !seen.has(value.toLowerCase())) {
      seen.add(value.toLowerCase());
      out.push(value);
    }
  }
  return out;
}

/** A list only when it has items (merge treats an empty list as absent anyway). */
export function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

/** A `YYYY-MM-DD`, `YYYY-MM` or `YYYY` date; anything else (incl. `""`) is undefined. */
export function isoDate(value: unknown): string | undefined {
  const raw = text(value);
  return raw !== undefined && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(raw) ? raw : undefined;
}

/** The first plausible four-digit year in a free-text date ("December 31, 1994", "2008–2013"). */
export function yearOf(value: unknown): number | undefined {
  const match = /\b(1[5-9]\d\d|20\d\d)\b/.exec(text(value) ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Drops the keys whose value is undefined, so records compare and serialise cleanly. */
export function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
