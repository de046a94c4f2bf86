import { defineConfig } from 'vitest/config';

// Unit tests (src/**) and the browser tests (test/**), which start a real node serving dist/.
export default defineConfig({
  resolve: { conditions: ['@absensi/source'] },
  ssr: { resolve: { conditions: ['@absensi/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A page on a busy 2-core machine may take more than vitest's default second to show a change.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
