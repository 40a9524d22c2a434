/**
 * Unique values for builders: a counter, a short random tag (so values stay unique across
 * worker processes sharing a server) and dates that increase by a little over a second, with
 * non-zero milliseconds so millisecond precision is always exercised.
 */
import { randomBytes, randomUUID } from 'node:crypto';

let counter = 0;
const tag = randomBytes(3).toString('hex');
const BASE_MS = Date.UTC(2025, 0, 15, 12, 0, 0, 123);

export function nextSeq(): number {
  counter += 1;
  return counter;
}

/** `prefix-<n>-<tag>`, unique across workers. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${nextSeq()}-${tag}`;
}

export function newId(): string {
  return randomUUID();
}

/** A later date on every call. */
export function nextDate(): Date {
  return new Date(BASE_MS + nextSeq() * 1_001);
}
