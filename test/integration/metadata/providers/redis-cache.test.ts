import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RedisResponseCache,
  RedisTokenStore,
  createRedisCaches,
} from '../../../../src/db/caches/redis-cache.js';
import type { ResponseCache, TokenStore } from '../../../../src/metadata/ports.js';
import { FakeClock } from '../../../fakes/providers/fake-clock.js';
import { envOrSkip } from '../../../support/tools.js';
import { deadBaseUrl } from './support.js';
import { cacheContract } from './cache-contract.js';

const url = envOrSkip('TEST_REDIS_URL');

describe.skipIf(url === undefined)('metadata caches on a real Redis', () => {
  // A prefix of its own: the test never touches keys it did not write (others share this Redis).
  const prefix = `sp-test:${randomUUID()}:`;
  const clock = new FakeClock(Date.now());
  let redis: Redis;
  let cache: RedisResponseCache;
  let tokens: RedisTokenStore;

  beforeAll(() => {
    redis = new Redis(url ?? '');
    cache = new RedisResponseCache(redis, prefix);
    tokens = new RedisTokenStore(redis, clock, prefix);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) {
      await redis.del(...keys);
    }
    await redis.quit();
  });

  it('fits the ports', () => {
    const ports: [ResponseCache, TokenStore] = [cache, tokens];
    expect(ports).toHaveLength(2);
  });

  cacheContract(() => ({ cache, tokens, clock }));

  it('lets Redis expire values after their TTL and tokens at their expiry', async () => {
    await cache.set('tmdb:ttl', { found: 1 }, 86_400);
    await tokens.set('tvdb:token:ttl', 'jwt', new Date(clock.now().getTime() + 3_600_000));
    const valueTtl = await redis.ttl(`${prefix}tmdb:ttl`);
    const tokenTtl = await redis.pttl(`${prefix}tvdb:token:ttl`);
    expect(valueTtl).toBeGreaterThan(86_000);
    expect(valueTtl).toBeLessThanOrEqual(86_400);
    expect(tokenTtl).toBeGreaterThan(3_500_000);
    expect(tokenTtl).toBeLessThanOrEqual(3_600_000);
  });

  it('builds both stores on one connection and closes it', async () => {
    const caches = createRedisCaches(url ?? '', clock, prefix);
    await caches.responses.set('omdb:shared', 'x', 60);
    expect(await cache.get('omdb:shared')).toBe('x');
    await caches.close();
  });

  it('fails fast, without hanging, when Redis is down', async () => {
    const down = createRedisCaches((await deadBaseUrl()).replace('http', 'redis'), clock, prefix);
    await expect(down.responses.get('tmdb:x')).rejects.toThrow();
    await down.close();
  });
});
