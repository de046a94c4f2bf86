// The test setup of every Node workspace: TypeScript sources of workspace packages (the @absensi/source
// condition), so tests need no build of what they import.
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
