import { describe, expect, it } from 'vitest';
import {
  MemoryResponseCache,
  MemoryTokenStore,
} from '../../../../../src/metadata/cache/memory-cache.js';
import { FakeClock } from '../../../../fakes/providers/fake-clock.js';

describe('MemoryResponseCache', () => {
  it('keeps a value for its TTL on the clock', async () => {
    const clock = new FakeClock();
    const cache = new MemoryResponseCache(clock);
    await cache.set('tmdb:a', { found: [1, 2] }, 60);
    clock.advance(59_999);
    expect(await cache.get('tmdb:a')).toEqual({ found: [1, 2] });
    clock.advance(1);
    expect(await cache.get('tmdb:a')).toBeUndefined();
  });

  it('drops the oldest writes beyond its size', async () => {
    const cache = new MemoryResponseCache(new FakeClock(), 2);
    await cache.set('omdb:1', 1, 60);
    await cache.set('omdb:2', 2, 60);
    await cache.set('omdb:1', 11, 60);
    await cache.set('omdb:3', 3, 60);
    expect([
      await cache.get('omdb:1'),
      await cache.get('omdb:2'),
      await cache.get('omdb:3'),
    ]).toEqual([11, undefined, 3]);
    expect(cache.size).toBe(2);
  });
});

describe('MemoryTokenStore', () => {
  it('answers a token until it expires, and forgets a deleted one', async () => {
    const clock = new FakeClock();
    const tokens = new MemoryTokenStore(clock);
    await tokens.set('tvdb:k', 'jwt', new Date(clock.now().getTime() + 1000));
    expect(await tokens.get('tvdb:k')).toBe('jwt');
    clock.advance(1000);
    expect(await tokens.get('tvdb:k')).toBeUndefined();
    await tokens.set('tvdb:k', 'jwt2', new Date(clock.now().getTime() + 1000));
    await tokens.delete('tvdb:k');
    expect(await tokens.get('tvdb:k')).toBeUndefined();
  });
});
