import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@absensi/source'] },
  ssr: { resolve: { conditions: ['@absensi/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
