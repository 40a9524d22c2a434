/**
 * Writes a stream into an open SFTP handle with many requests in flight. One request at a time
 * caps throughput at chunk ÷ round trip; OpenSSH's own client keeps 64 × 32 KiB in flight, we
 * keep as many bytes (16 × 128 KiB by default).
 * The server acknowledges requests in order (OpenSSH handles them one by one), so after a drop
 * the remote file holds a contiguous prefix that a later attempt can resume.
 */
import type { Readable } from 'node:stream';
import type { SFTPWrapper } from 'ssh2';

export interface PipelineSettings {
  /** Bytes per WRITE request (OpenSSH accepts up to 255 KiB; its client sends 32 KiB). */
  chunkBytes: number;
  /** WRITE requests awaiting their acknowledgement at most. */
  inFlight: number;
  /** No acknowledgement for this long while requests are pending → fails with a timeout. */
  stallMs: number;
}

export interface PipelineRun {
  sftp: SFTPWrapper;
  handle: Buffer;
  source: Readable;
  /** Remote offset of the first byte. */
  position: number;
  signal?: AbortSignal;
  onProgress?: (bytes: number) => void;
  /** Called when the signal aborts or the server stalls; should tear the connection down. */
  onStop: (reason: 'aborted' | 'stalled') => void;
}

/** Thrown when the server stopped acknowledging writes. */
export class StallError extends Error {
  readonly code = 'ETIMEDOUT';
}

/** Thrown when the caller's signal aborted the upload. */
export class AbortedError extends Error {}

class Window {
  pending = 0;
  acked = 0;
  failure: Error | undefined;
  private waiter: (() => void) | undefined;

  wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }

  /** Resolves when fewer than `limit` requests are pending (or one failed). */
  async below(limit: number): Promise<void> {
    while (this.pending >= limit && this.failure === undefined) {
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }
}

function* slices(buffer: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < buffer.length; at += size) {
    yield buffer.subarray(at, Math.min(at + size, buffer.length));
  }
}

/** Resolves with the bytes written once every request is acknowledged. */
export async function pipelinedWrite(
  run: PipelineRun,
  settings: PipelineSettings,
): Promise<number> {
  const window = new Window();
  const stop = (reason: 'aborted' | 'stalled'): void => {
    window.failure ??=
      reason === 'aborted' ? new AbortedError('aborted') : new StallError('stalled');
    run.onStop(reason);
    window.wake();
  };
  const watchdog = new Watchdog(settings.stallMs, () => {
    if (window.pending > 0) {
      stop('stalled');
    }
  });
  const onAbort = (): void => {
    stop('aborted');
  };
  run.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (run.signal?.aborted === true) {
      onAbort();
    }
    await send(run, settings, window, watchdog);
    await window.below(1);
    if (window.failure !== undefined) {
      throw window.failure;
    }
    return window.acked;
  } finally {
    watchdog.stop();
    run.signal?.removeEventListener('abort', onAbort);
  }
}

async function send(
  run: PipelineRun,
  settings: PipelineSettings,
  window: Window,
  watchdog: Watchdog,
): Promise<void> {
  let position = run.position;
  for await (const chunk of run.source) {
    for (const piece of slices(chunk as Buffer, settings.chunkBytes)) {
      await window.below(settings.inFlight);
      if (window.failure !== undefined) {
        throw window.failure;
      }
      window.pending += 1;
      watchdog.arm();
      run.sftp.write(run.handle, piece, 0, piece.length, position, (error) => {
        window.pending -= 1;
        if (error) {
          window.failure ??= error;
        } else {
          window.acked += piece.length;
          watchdog.arm();
          run.onProgress?.(window.acked);
        }
        window.wake();
      });
      position += piece.length;
    }
  }
}

/** Calls `onStall` when not re-armed for `ms`. */
class Watchdog {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ms: number,
    private readonly onStall: () => void,
  ) {}

  arm(): void {
    if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.onStall();
      }, this.ms);
    } else {
      this.timer.refresh();
    }
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
