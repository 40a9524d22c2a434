/**
 * In-process ResponseCache and TokenStore: the default for the CLI and for tests. Entries expire by
 * the injected Clock; expired ones are dropped when read, and the oldest go first once the map
 * holds `maxEntries`, so a long-running process does not grow without bound.
 */
import type { Clock } from '../../shared/clock.js';
import type { JsonValue } from '../../domain/enums.js';
import type { ResponseCache, TokenStore } from '../ports.js';

interface Entry<V> {
  value: V;
  expiresAt: number;
}

class ExpiringMap<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly clock: Clock,
    private readonly maxEntries: number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > this.clock.now().getTime()) {
      return entry.value;
    }
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V, expiresAt: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    // Map keeps insertion order, so the first key is the oldest write.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

export class MemoryResponseCache implements ResponseCache {
  private readonly map: ExpiringMap<JsonValue>;

  constructor(
    private readonly clock: Clock,
    maxEntries = 10_000,
  ) {
    this.map = new ExpiringMap(clock, maxEntries);
  }

  get(key: string): Promise<JsonValue | undefined> {
    return Promise.resolve(this.map.get(key));
  }

  set(key: string, value: JsonValue, ttlSeconds: number): Promise<void> {
    this.map.set(key, value, this.clock.now().getTime() + ttlSeconds * 1000);
    return Promise.resolve();
  }

  /** Live and expired-but-unread entries; for tests and diagnostics. */
  get size(): number {
    return this.map.size;
  }
}

export class MemoryTokenStore implements TokenStore {
  private readonly map: ExpiringMap<string>;

  constructor(clock: Clock, maxEntries = 1_000) {
    this.map = new ExpiringMap(clock, maxEntries);
  }

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.map.get(key));
  }

  set(key: string, token: string, expiresAt: Date): Promise<void> {
    this.map.set(key, token, expiresAt.getTime());
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.map.delete(key);
    return Promise.resolve();
  }
}
