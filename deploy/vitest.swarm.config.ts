import { defineConfig } from 'vitest/config';

// `npm run test:swarm`: the stack on a real Swarm of three hosts (engines from Debian's docker.io in network
// namespaces of this machine, deploy/swarm/hosts.sh).
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
