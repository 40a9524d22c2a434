/**
 * Spaces requests to one provider at least `minIntervalMs` apart (OpenLibrary asks identified
 * clients for ≤ 3 requests/s, TMDb for ≤ 40/s). Slots are reserved synchronously, so concurrent
 * lookups queue up instead of bursting; waiting goes through the Clock so tests need no real time.
 */
import type { Clock } from '../../../shared/clock.js';

export class RateLimiter {
  private nextSlot = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly minIntervalMs: number,
  ) {}

  /** Resolves when the caller may send; rejects with the signal's reason when it aborts. */
  async acquire(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now().getTime();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.minIntervalMs;
    if (slot > now) {
      await this.clock.sleep(slot - now, signal);
    }
  }
}

/** The interval for a rate given in requests per second. */
export function intervalFor(requestsPerSecond: number): number {
  return Math.ceil(1000 / requestsPerSecond);
}
