// The one place this package reads the process environment: what child processes (docker, apt-get) inherit,
// and whether this is CI, where a missing engine or tool fails the Swarm test instead of skipping it.
import { testEnvironment } from '@absensi/config';

export const inCi = testEnvironment().ci;

/** The Swarm test's private engine keeps everything (socket, data, exec root, pidfile, base image work) here. */
export const swarmRoot = process.env.ABSENSI_SWARM_ROOT ?? '/tmp/absensi-swarm';

/** ABSENSI_SWARM_KEEP=1 leaves the stack and its engine running after the Swarm test, to look at what failed. */
export const keepSwarm = process.env.ABSENSI_SWARM_KEEP === '1';

/** The environment for a child process: this process's, with the given variables on top. */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/**
 * ABSENSI_SWARM_REUSE_IMAGES=1 skips the image builds of the Swarm test when the build engine has every image
 * already: for working on the test itself, never in CI (the images would not be those of the code under test).
 */
export const reuseImages = process.env.ABSENSI_SWARM_REUSE_IMAGES === '1' && !inCi;
