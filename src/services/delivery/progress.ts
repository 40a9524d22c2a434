/**
 * Bytes done, rate and time left for one destination. The rate counts only bytes sent in this
 * run, so a resumed or skipped gigabyte does not make the ETA lie.
 */
import type { Clock } from '../../shared/clock.js';

const EMIT_EVERY_MS = 250;

export class Progress {
  private done = 0;
  private sent = 0;
  private current = 0;
  private readonly started: number;
  private lastEmit = Number.NEGATIVE_INFINITY;

  constructor(
    readonly bytesTotal: number,
    private readonly clock: Clock,
  ) {
    this.started = clock.now().getTime();
  }

  /** A file counted as done without sending it (already complete on the server). */
  skip(size: number): void {
    this.done += size;
  }

  /** The current file moved to `bytes` sent in this call (the resumed prefix counts as done). */
  advance(bytes: number): void {
    this.sent += bytes - this.current;
    this.current = bytes;
  }

  /** The current file is complete with `size` bytes; `offset` of them were there before. */
  finish(size: number): void {
    this.done += size;
    this.current = 0;
  }

  /** A failed attempt: its bytes may be resent, keep them out of the rate's progress. */
  reset(): void {
    this.current = 0;
  }

  /** True at most every 250 ms (by the clock), or when `force`. */
  due(force: boolean): boolean {
    const now = this.clock.now().getTime();
    if (!force && now - this.lastEmit < EMIT_EVERY_MS) {
      return false;
    }
    this.lastEmit = now;
    return true;
  }

  snapshot(fileOffset: number): { bytesDone: number; rate: number; etaSeconds: number | null } {
    const bytesDone = Math.min(this.bytesTotal, this.done + fileOffset + this.current);
    const seconds = (this.clock.now().getTime() - this.started) / 1000;
    const rate = seconds > 0 ? this.sent / seconds : 0;
    const etaSeconds = rate > 0 ? (this.bytesTotal - bytesDone) / rate : null;
    return { bytesDone, rate, etaSeconds };
  }
}
