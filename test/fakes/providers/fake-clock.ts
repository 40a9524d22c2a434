/**
 * A Clock for provider tests: `sleep` returns at once, moves the time forward and records how
 * long it was asked to wait, so retry and rate-limit timings are asserted without real waiting.
 */
import type { Clock } from '../../../src/shared/clock.js';

export class FakeClock implements Clock {
  /** Every sleep asked for, in milliseconds, in order. */
  readonly sleeps: number[] = [];
  private time: number;

  constructor(start = Date.UTC(2026, 0, 15, 12, 0, 0)) {
    this.time = start;
  }

  now(): Date {
    return new Date(this.time);
  }

  advance(ms: number): void {
    this.time += ms;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) {
      return Promise.reject(signal.reason as Error);
    }
    this.sleeps.push(ms);
    this.time += ms;
    return Promise.resolve();
  }
}
