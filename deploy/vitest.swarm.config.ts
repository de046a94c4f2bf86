import { defineConfig } from 'vitest/config';

// `npm run test:swarm`: the stack on a real single-node Swarm (a private engine from Debian's docker.io).
export default defineConfig({
  resolve: { conditions: ['@absensi/source'] },
  ssr: { resolve: { conditions: ['@absensi/source'] } },
  test: {
    include: ['test/swarm/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 10 * 60_000,
    hookTimeout: 50 * 60_000,
  },
});
