import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreDeps } from './deps.js';
import { afterCommit, type Committed } from './changes.js';

/** What afterCommit touches, with the dashboard cache's drops counted. */
function depsCounting() {
  const invalidate = vi.fn(() => Promise.resolve());
  const deps = {
    feed: { append: () => Promise.resolve() },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    sentMarks: { mark: () => undefined },
    dashboardCache: { invalidate },
    users: { forget: () => undefined },
    planning: { invalidate: () => undefined },
  } as unknown as Parameters<typeof afterCommit>[0] & Pick<CoreDeps, 'planning'>;
  return { deps, drops: invalidate };
}

describe('the dashboard after a change another process may still see as it was', () => {
  afterEach(() => vi.useRealTimers());

  it.each<[string, Committed]>([
    ['the roster or schedules', { schedules: true }],
    ['sites or holidays', { calendar: true }],
    ['the settings', { settings: true }],
    ['an account', { users: [7] }],
  ])('is dropped at once and again after 6 s when %s changed', async (_what, committed) => {
    vi.useFakeTimers();
    const { deps, drops } = depsCounting();
    await afterCommit(deps, committed);
    expect(drops).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_900);
    expect(drops).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(drops).toHaveBeenCalledTimes(2);
  });

  it('is not dropped when nothing it shows changed', async () => {
    vi.useFakeTimers();
    const { deps, drops } = depsCounting();
    await afterCommit(deps, {});
    await vi.advanceTimersByTimeAsync(10_000);
    expect(drops).not.toHaveBeenCalled();
  });
});
