import { ConfigError } from '@absensi/config';

export interface Running {
  /** Finishes the work in flight and lets go of connections; told which signal asked. */
  close(signal: NodeJS.Signals): Promise<void>;
}

export interface EntryOptions {
  /** Exit 1 if closing takes longer than this after SIGTERM or SIGINT (keep it under Swarm's stop_grace_period). */
  graceMs: number;
}

/**
 * A service's process from start to exit: runs `start`; a configuration mistake is printed as a
 * message, not a stack, and exits 1. On the first SIGTERM or SIGINT it closes what started and
 * exits 0 (1 when closing fails or outlasts `graceMs`); later signals are ignored while it closes.
 */
export async function runEntry(start: () => Running | Promise<Running>, options: EntryOptions) {
  let running: Running;
  try {
    running = await start();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    return process.exit(1);
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), options.graceMs);
    force.unref();
    running.close(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
