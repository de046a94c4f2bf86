import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPatiently, RETRY_MS } from './load-patiently';

describe('code loaded after the first paint, while the network may be gone', () => {
  afterEach(() => vi.useRealTimers());

  it('is tried again when the network returns, and never fails', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce('bell');
    const online = new EventTarget();
    const failures: unknown[] = [];
    const loaded = loadPatiently(load, online, (error) => failures.push(error));
    await Promise.resolve();
    await Promise.resolve();
    expect(load).toHaveBeenCalledTimes(1);
    // A screen hears of the failure, to say it waits for the network.
    expect(failures).toHaveLength(1);
    online.dispatchEvent(new Event('online'));
    await expect(loaded).resolves.toBe('bell');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('is tried again after a while when no online event comes', async () => {
    vi.useFakeTimers();
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockRejectedValueOnce(new Error('still offline'))
      .mockResolvedValueOnce('texts');
    const loaded = loadPatiently(load, new EventTarget());
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    await expect(loaded).resolves.toBe('texts');
    expect(load).toHaveBeenCalledTimes(3);
  });
});
