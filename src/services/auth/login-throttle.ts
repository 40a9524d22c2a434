/**
 * Counts failed logins per user name in a sliding window, so guessing one account's password
 * from many addresses is slowed down as well (the HTTP layer limits per address).
 */
import type { Clock } from '../../shared/clock.js';

export interface LoginThrottle {
  /** Seconds to wait before the next attempt, or 0 when an attempt is allowed. */
  retryAfter(username: string): number;
  recordFailure(username: string): void;
  reset(username: string): void;
}

export function createLoginThrottle(
  clock: Clock,
  maxFailures: number,
  windowMs = 60_000,
): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string): number[] => {
    const since = clock.now().getTime() - windowMs;
    const kept = (failures.get(key) ?? []).filter((at) => at > since);
    failures.set(key, kept);
    return kept;
  };
  return {
    retryAfter(username) {
      const attempts = recent(username.toLowerCase());
      if (attempts.length < maxFailures) {
        return 0;
      }
      const oldest = attempts[0] ?? clock.now().getTime();
      return Math.max(1, Math.ceil((oldest + windowMs - clock.now().getTime()) / 1000));
    },
    recordFailure(username) {
      recent(username.toLowerCase()).push(clock.now().getTime());
    },
    reset(username) {
      failures.delete(username.toLowerCase());
    },
  };
}
