/**
 * The metadata ResponseCache and the TheTVDB TokenStore on Redis (scale-out: every web and worker
 * process shares one cache and one login). Values are JSON strings under a prefix; Redis expires
 * them itself. Shapes match `metadata/ports.ts` (the db room does not import the metadata room).
 */
import { Redis } from 'ioredis';
import type { JsonValue } from '../../domain/enums.js';
import type { Clock } from '../../shared/clock.js';

const REDIS_CACHE_PREFIX = 'scenepacker:metadata:';

export class RedisResponseCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = REDIS_CACHE_PREFIX,
  ) {}

  async get(key: string): Promise<JsonValue | undefined> {
    const raw = await this.redis.get(this.prefix + key);
    return raw === null ? undefined : (JSON.parse(raw) as JsonValue);
  }

  async set(key: string, value: JsonValue, ttlSeconds: number): Promise<void> {
    const seconds = Math.max(1, Math.ceil(ttlSeconds));
    await this.redis.set(this.prefix + key, JSON.stringify(value), 'EX', seconds);
  }
}

export class RedisTokenStore {
  constructor(
    private readonly redis: Redis,
    private readonly clock: Clock,
    private readonly prefix = REDIS_CACHE_PREFIX,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, token: string, expiresAt: Date): Promise<void> {
    const ms = expiresAt.getTime() - this.clock.now().getTime();
    if (ms <= 0) {
      await this.delete(key);
      return;
    }
    await this.redis.set(this.prefix + key, token, 'PX', ms);
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}

export interface RedisCaches {
  responses: RedisResponseCache;
  tokens: RedisTokenStore;
  close(): Promise<void>;
}

/**
 * Both stores on one connection to `url`. The connection opens on first use and reconnects on
 * its own; while Redis is down a command fails after one reconnection attempt instead of
 * waiting, and the providers then treat the cache as empty.
 */
export function createRedisCaches(
  url: string,
  clock: Clock,
  prefix = REDIS_CACHE_PREFIX,
): RedisCaches {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
  });
  // Errors reach the callers through rejected commands; without a listener ioredis would log them.
  redis.on('error', () => undefined);
  return {
    responses: new RedisResponseCache(redis, prefix),
    tokens: new RedisTokenStore(redis, clock, prefix),
    close: async () => {
      await redis.quit().catch(() => {
        redis.disconnect();
      });
    },
  };
}
