/**
 * OMDb's daily quota (1,000 requests per key for a free key), counted here because OMDb sends no
 * remaining-quota header. Every request sent counts (cache hits do not); once the count reaches
 * the limit, or OMDb says "Request limit reached!", no request goes out with that key until the
 * next UTC day. Counts live in this process only.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../../shared/clock.js';
import type { LookupFailure, QuotaUsage } from '../../ports.js';

interface Day {
  day: string;
  used: number;
  exhausted: boolean;
}

export class DailyQuota {
  private readonly days = new Map<string, Day>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
  ) {}

  /** Counts one request for `key`, or refuses it when the day's quota is gone. */
  take(key: string): LookupFailure | undefined {
    const today = this.today(key);
    if (today.exhausted || today.used >= this.limit) {
      today.exhausted = true;
      return {
        kind: 'rate_limited',
        reason: `the daily quota of ${this.limit} OMDb requests is used up for today (UTC)`,
        retryAfterSeconds: this.secondsToMidnight(),
      };
    }
    today.used += 1;
    return undefined;
  }

  /** OMDb said the key is over its limit (its count may be stricter than ours). */
  exhaust(key: string): void {
    this.today(key).exhausted = true;
  }

  usage(key: string): QuotaUsage {
    const today = this.today(key);
    return { used: today.used, limit: this.limit, day: today.day };
  }

  private today(key: string): Day {
    const id = createHash('sha256').update(key).digest('hex');
    const day = this.clock.now().toISOString().slice(0, 10);
    const current = this.days.get(id);
    if (current?.day === day) {
      return current;
    }
    const fresh = { day, used: 0, exhausted: false };
    this.days.set(id, fresh);
    return fresh;
  }

  private secondsToMidnight(): number {
    const now = this.clock.now();
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    return Math.ceil((midnight - now.getTime()) / 1000);
  }
}
