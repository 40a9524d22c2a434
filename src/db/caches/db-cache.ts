/**
 * The metadata ResponseCache and the TheTVDB TokenStore on the `metadata_cache` table — the
 * default when no Redis is configured. The classes match `ResponseCache` / `TokenStore` of
 * `metadata/ports.ts` by shape (the db room does not import the metadata room); main passes them
 * to the provider registry. Keys start with the provider name (`tmdb:…`), which fills the
 * table's `provider` column.
 */
import type { JsonValue } from '../../domain/enums.js';
import type { Clock } from '../../shared/clock.js';
import type { MetadataCacheRepository } from '../ports.js';

export class DbResponseCache {
  constructor(
    private readonly entries: MetadataCacheRepository,
    private readonly clock: Clock,
  ) {}

  async get(key: string): Promise<JsonValue | undefined> {
    return (await this.entries.get(key, this.clock.now()))?.value;
  }

  async set(key: string, value: JsonValue, ttlSeconds: number): Promise<void> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
    await this.entries.set({ key, provider: providerOf(key), value, createdAt: now, expiresAt });
  }

  /** Removes expired rows (the table is otherwise only ever overwritten); answers how many. */
  purgeExpired(): Promise<number> {
    return this.entries.deleteExpired(this.clock.now());
  }
}

export class DbTokenStore {
  constructor(
    private readonly entries: MetadataCacheRepository,
    private readonly clock: Clock,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const value = (await this.entries.get(key, this.clock.now()))?.value;
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  async set(key: string, token: string, expiresAt: Date): Promise<void> {
    const now = this.clock.now();
    await this.entries.set({
      key,
      provider: providerOf(key),
      value: token,
      createdAt: now,
      expiresAt,
    });
  }

  /** The repository has no delete: an entry that expires now is gone for every reader. */
  async delete(key: string): Promise<void> {
    const now = this.clock.now();
    await this.entries.set({
      key,
      provider: providerOf(key),
      value: '',
      createdAt: now,
      expiresAt: now,
    });
  }
}

/** `tvdb:token:…` → `tvdb`; the column holds 32 characters. */
function providerOf(key: string): string {
  const prefix = key.split(':')[0] ?? '';
  return (prefix === '' ? 'unknown' : prefix).slice(0, 32);
}
