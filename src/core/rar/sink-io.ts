/**
 * Writing to a caller's Writable with back-pressure, and turning an abort into the one
 * cancellation error the rest of the program knows.
 */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { AppError } from '../../shared/errors.js';

export function cancelledError(cause?: unknown): AppError {
  return new AppError('release.cancelled', 'The operation was cancelled', { cause });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) {
    throw cancelledError(signal.reason);
  }
}

function closedError(stream: Writable): Error {
  return stream.errored ?? new Error('The output stream closed before the volume was complete');
}

/** Resolves on 'drain'; rejects on error, on close (a destroyed stream never drains) or abort. */
function waitForDrain(stream: Writable, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error): void => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
      stream.off('close', onClose);
      signal?.removeEventListener('abort', onAbort);
      if (error === undefined) {
        resolve();
      } else {
        reject(error);
      }
    };
    const onDrain = (): void => {
      settle();
    };
    const onError = (error: Error): void => {
      settle(error);
    };
    const onClose = (): void => {
      settle(closedError(stream));
    };
    const onAbort = (): void => {
      settle(cancelledError(signal?.reason));
    };
    stream.on('drain', onDrain);
    stream.on('error', onError);
    stream.on('close', onClose);
    signal?.addEventListener('abort', onAbort);
  });
}

/** Writes `chunk` and waits while the stream's buffer is full, so memory stays flat. */
export async function writeWithBackPressure(
  stream: Writable,
  chunk: Uint8Array,
  signal: AbortSignal | undefined,
): Promise<void> {
  throwIfAborted(signal);
  if (stream.destroyed || stream.errored !== null) {
    throw closedError(stream);
  }
  if (!stream.write(chunk)) {
    await waitForDrain(stream, signal);
  }
}

/** Ends the stream and waits until everything is flushed. */
export async function endStream(stream: Writable): Promise<void> {
  stream.end();
  await finished(stream);
}
