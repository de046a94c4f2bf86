// The one place this package reads the process environment: what child processes (docker, apt-get) inherit,
// and whether this is CI, where a missing engine or tool fails the Swarm test instead of skipping it.
import { testEnvironment } from '@absensi/config';

export const inCi = testEnvironment().ci;

/** The environment for a child process: this process's, with the given variables on top. */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
