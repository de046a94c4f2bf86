import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runEntry } from './entry.js';
import { ConfigError } from '@absensi/config';

/** Signals are emitted to the listeners, not sent; process.exit is recorded, not carried out. */
describe('a service entry', () => {
  let exits: number[];
  let errors: unknown[];
  let before: Record<'SIGTERM' | 'SIGINT', NodeJS.SignalsListener[]>;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  beforeEach(() => {
    exits = [];
    errors = [];
    before = { SIGTERM: process.listeners('SIGTERM'), SIGINT: process.listeners('SIGINT') };
    vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      exits.push(code ?? 0);
    }) as never);
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => errors.push(args[0]));
  });
  afterEach(() => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const)
      for (const listener of process.listeners(signal))
        if (!before[signal].includes(listener)) process.off(signal, listener);
    vi.restoreAllMocks();
  });

  it('closes once on SIGTERM, however many signals follow, and exits 0', async () => {
    const closed: string[] = [];
    await runEntry(
      () => ({
        close: (signal) => {
          closed.push(signal);
          return Promise.resolve();
        },
      }),
      { graceMs: 1_000 },
    );
    process.emit('SIGTERM', 'SIGTERM');
    process.emit('SIGINT', 'SIGINT');
    await settle();
    expect(closed).toEqual(['SIGTERM']);
    expect(exits).toEqual([0]);
  });

  it('says what is wrong with the configuration, without a stack, and exits 1', async () => {
    await runEntry(
      () => {
        throw new ConfigError(['REDIS_URL is required']);
      },
      { graceMs: 1_000 },
    );
    expect(exits).toEqual([1]);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('REDIS_URL is required');
    expect(String(errors[0])).not.toContain('    at ');
  });

  it('exits 1 when closing fails or takes longer than the grace period', async () => {
    await runEntry(() => ({ close: () => Promise.reject(new Error('socket stuck')) }), {
      graceMs: 1_000,
    });
    process.emit('SIGINT', 'SIGINT');
    await settle();
    expect(exits).toEqual([1]);

    exits.length = 0;
    await runEntry(() => ({ close: () => new Promise<void>(() => undefined) }), { graceMs: 30 });
    process.emit('SIGTERM', 'SIGTERM');
    await settle();
    await settle();
    expect(exits).toEqual([1]);
  });
});
