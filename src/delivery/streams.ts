/** Stream helpers shared by the adapters. */
import { Transform } from 'node:stream';

/** Passes bytes through and reports the running total after each chunk. */
export function progressCounter(onProgress?: (bytes: number) => void): Transform & {
  readonly bytes: number;
} {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      onProgress?.(bytes);
      done(null, chunk);
    },
  });
  return Object.defineProperty(counter, 'bytes', { get: () => bytes }) as Transform & {
    readonly bytes: number;
  };
}

/** True when `error` is what an aborted `pipeline(..., { signal })` or stream reports. */
export function isAbortError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}
