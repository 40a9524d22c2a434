import { defineConfig } from 'vitest/config';

// Three projects named by what they touch (ARCHITECTURE.md §6): unit (no DB, no network),
// integration (real databases, loopback servers) and web (the SPA's components under jsdom).
export default defineConfig({
  test: {
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      thresholds: {
        'src/services/auth*': { lines: 80 },
        'src/services/auth/**': { lines: 80 },
        'src/domain/**': { lines: 80 },
        'src/db/**': { lines: 80 },
      },
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
        },
      },
    ],
  },
});
