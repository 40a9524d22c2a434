/**
 * One contract for every ResponseCache and TokenStore (memory, database, Redis), so the stores
 * main may pick behave alike. `advance` moves the store's notion of time, where it has one.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ResponseCache, TokenStore } from '../../../../src/metadata/ports.js';
import type { FakeClock } from '../../../fakes/providers/fake-clock.js';

export interface CacheSubject {
  cache: ResponseCache;
  tokens: TokenStore;
  clock: FakeClock;
}

export function cacheContract(subject: () => CacheSubject): void {
  const key = (provider = 'tmdb'): string => `${provider}:${randomUUID()}`;

  it('answers undefined for a key never set', async () => {
    expect(await subject().cache.get(key())).toBeUndefined();
  });

  it('round-trips JSON values: objects, lists, strings, numbers, booleans and null', async () => {
    const { cache } = subject();
    const value = { found: { title: 'Dune', ids: [1, 2], ok: true, none: null, text: 'é — ✓' } };
    const k = key();
    await cache.set(k, value, 3600);
    expect(await cache.get(k)).toEqual(value);
    const scalar = key('omdb');
    await cache.set(scalar, 'plain', 3600);
    expect(await cache.get(scalar)).toBe('plain');
  });

  it('replaces the value of a key set again', async () => {
    const { cache } = subject();
    const k = key('openlibrary');
    await cache.set(k, { notFound: null }, 3600);
    await cache.set(k, { found: 1 }, 3600);
    expect(await cache.get(k)).toEqual({ found: 1 });
  });

  it('keeps a token until the given expiry, and forgets a deleted one', async () => {
    const { tokens, clock } = subject();
    const k = key('tvdb');
    await tokens.set(k, 'header.payload.signature', new Date(clock.now().getTime() + 3_600_000));
    expect(await tokens.get(k)).toBe('header.payload.signature');
    await tokens.delete(k);
    expect(await tokens.get(k)).toBeUndefined();
    await tokens.delete(k);
  });

  it('does not keep a token whose expiry has passed', async () => {
    const { tokens, clock } = subject();
    const k = key('tvdb');
    await tokens.set(k, 'stale', new Date(clock.now().getTime() - 1000));
    expect(await tokens.get(k)).toBeUndefined();
  });
}
