import { describe } from 'vitest';
import {
  MemoryResponseCache,
  MemoryTokenStore,
} from '../../../../src/metadata/cache/memory-cache.js';
import { FakeClock } from '../../../fakes/providers/fake-clock.js';
import { cacheContract } from './cache-contract.js';

describe('memory metadata caches', () => {
  cacheContract(() => {
    const clock = new FakeClock();
    return { cache: new MemoryResponseCache(clock), tokens: new MemoryTokenStore(clock), clock };
  });
});
