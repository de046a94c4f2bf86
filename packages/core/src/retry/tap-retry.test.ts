import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_REFUSED_BACKOFF_MS,
  MAX_RETRY_DELAY_MS,
  MIN_RETRY_JITTER_MS,
  retryDelayMs,
} from './tap-retry.js';

describe('the wait before a phone sends its waiting taps again', () => {
  it.each([
    // attempt, Retry-After (s), random, wait (ms)
    [0, 2, 0, 2_000], // the server's wait is the floor
    [0, 2, 0.999, 2_999], // at least a second of jitter
    [1, 2, 0, 4_000], // refusals in a row double what the server asked
    [2, 2, 0, 8_000],
    [3, 2, 0.5, 20_000], // 16 s + 0.5 × (half of 16 s)
    [4, 2, 0, 32_000],
    [5, 2, 0, 60_000], // the doubling stops at a minute
    [50, 2, 0.999, 89_970],
    [0, 5, 0, 5_000],
    [3, 5, 0.5, 50_000],
    [0, 10, 0.5, 12_500],
    [0, 0, 0.5, 1_500], // "now": still the first second of backoff and jitter
    [2, 0, 0, 4_000], // and it doubles from that second
    [0, 3600, 0, 60_000], // a server's wait is honoured up to a minute
    [0, 3600, 0.999, 89_970],
    [0, null, 0, 0], // no Retry-After (a network error): full jitter
    [0, null, 0.5, 500],
    [1, null, 0.5, 1_000],
    [4, null, 0.999, 15_984],
    [10, null, 0.999, 59_940],
    [50, undefined, 0.5, 30_000],
    [-3, null, 0.5, 500], // a negative attempt counts as the first
    [0, -5, 0.5, 500], // an unreadable Retry-After counts as none
    [0, Number.NaN, 0.5, 500],
  ])('attempt %i, Retry-After %s, random %s → %i ms', (attempt, retryAfterSeconds, random, ms) => {
    expect(retryDelayMs({ attempt, retryAfterSeconds, random })).toBe(ms);
  });

  it('never comes back before the server said, and never waits past the cap plus its jitter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, retryAfterSeconds, random) => {
          const wait = retryDelayMs({ attempt, retryAfterSeconds, random });
          expect(wait).toBeGreaterThanOrEqual(
            Math.min(retryAfterSeconds * 1_000, MAX_RETRY_DELAY_MS),
          );
          expect(wait).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS * 1.5);
          const backoff = retryDelayMs({ attempt, random });
          expect(backoff).toBeGreaterThanOrEqual(0);
          expect(backoff).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
        },
      ),
    );
  });

  it('waits at least as long after each further refusal (same server wait, same jitter)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 120 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, retryAfterSeconds, random) => {
          expect(
            retryDelayMs({ attempt: attempt + 1, retryAfterSeconds, random }),
          ).toBeGreaterThanOrEqual(retryDelayMs({ attempt, retryAfterSeconds, random }));
        },
      ),
    );
  });

  it('spreads phones refused together: after 2 s asked, a thousand phones come back over a second or more', () => {
    const waits = Array.from({ length: 1_000 }, (_, i) =>
      retryDelayMs({ attempt: 0, retryAfterSeconds: 2, random: i / 1_000 }),
    );
    expect(Math.max(...waits) - Math.min(...waits)).toBeGreaterThanOrEqual(MIN_RETRY_JITTER_MS - 1);
    expect(retryDelayMs({ attempt: 99, retryAfterSeconds: 2, random: 0 })).toBe(
      MAX_REFUSED_BACKOFF_MS,
    );
  });
});
