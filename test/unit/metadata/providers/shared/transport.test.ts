import { describe, expect, it } from 'vitest';
import { retryAfterSeconds } from '../../../../../src/metadata/providers/shared/transport.js';
import {
  RateLimiter,
  intervalFor,
} from '../../../../../src/metadata/providers/shared/rate-limiter.js';
import { plainText } from '../../../../../src/metadata/providers/shared/normalise.js';
import { num, text, yearOf } from '../../../../../src/metadata/providers/shared/json.js';
import { FakeClock } from '../../../../fakes/providers/fake-clock.js';

describe('retryAfterSeconds', () => {
  const now = new Date(Date.UTC(2026, 0, 15, 12, 0, 0));
  const headers = (value: string): Headers => new Headers({ 'retry-after': value });

  it('reads delta-seconds and HTTP dates', () => {
    expect(retryAfterSeconds(headers('7'), now)).toBe(7);
    expect(retryAfterSeconds(headers('Thu, 15 Jan 2026 12:00:30 GMT'), now)).toBe(30);
    expect(retryAfterSeconds(headers('Thu, 15 Jan 2026 11:00:00 GMT'), now)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    expect(retryAfterSeconds(new Headers(), now)).toBeUndefined();
    expect(retryAfterSeconds(headers('soon'), now)).toBeUndefined();
  });
});

describe('RateLimiter', () => {
  it('spaces back-to-back callers by the interval on the clock', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock, intervalFor(3));
    for (let i = 0; i < 3; i += 1) {
      await limiter.acquire();
    }
    expect(clock.sleeps).toEqual([334, 334]);
  });

  it('reserves slots at once, so concurrent callers queue one interval apart', async () => {
    const times: number[] = [];
    const clock = {
      now: () => new Date(0),
      sleep: (ms: number) => (times.push(ms), Promise.resolve()),
    };
    const limiter = new RateLimiter(clock, 25);
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(times).toEqual([25, 50]);
  });

  it('lets a caller through at once after a quiet moment', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(clock, intervalFor(40));
    await limiter.acquire();
    clock.advance(1000);
    await limiter.acquire();
    expect(clock.sleeps).toEqual([]);
  });
});

describe('JSON readers and normal forms', () => {
  it('turns blanks and odd types into absent values', () => {
    expect([text(''), text('  x '), text(3)]).toEqual([undefined, 'x', undefined]);
    expect([num('9.0'), num('N/A'), num(Number.NaN), num(4)]).toEqual([9, undefined, undefined, 4]);
    expect([yearOf('2008–2013'), yearOf('March 1990'), yearOf('N/A')]).toEqual([
      2008,
      1990,
      undefined,
    ]);
  });

  it('strips HTML from descriptions', () => {
    expect(plainText('Set on <i>Arrakis</i>,<br>a desert&nbsp;planet &amp; more&#33;')).toBe(
      'Set on Arrakis,\na desert planet & more!',
    );
  });
});
