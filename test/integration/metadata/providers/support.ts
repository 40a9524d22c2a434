/** What every provider contract test builds: a fake clock, a memory cache and client options. */
import { MemoryResponseCache } from '../../../../src/metadata/cache/memory-cache.js';
import type { ProviderOptions } from '../../../../src/metadata/providers/shared/options.js';
import { FakeClock } from '../../../fakes/providers/fake-clock.js';

export interface ProviderTestKit {
  clock: FakeClock;
  cache: MemoryResponseCache;
  options: ProviderOptions;
}

export function providerKit(overrides: Partial<ProviderOptions> = {}): ProviderTestKit {
  const clock = new FakeClock();
  const cache = new MemoryResponseCache(clock);
  return { clock, cache, options: { clock, cache, ...overrides } };
}

/** A base URL where nothing listens (a port just closed). */
export async function deadBaseUrl(): Promise<string> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 1;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return `http://127.0.0.1:${String(port)}`;
}
