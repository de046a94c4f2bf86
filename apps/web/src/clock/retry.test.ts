import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import type { AppRouter } from '../api/types';
import { MAX_RETRY_DELAY_MS, parseRetryAfter, retryAfterOf, retryDelayMs } from './retry';

describe('the wait before sending waiting taps again', () => {
  it.each([
    // attempt, Retry-After (s), random, wait (ms)
    [0, 5, 0, 5_000],
    [0, 5, 0.999, 7_498],
    [3, 5, 0.5, 6_250],
    [0, 10, 0.5, 12_500],
    [0, 0, 0.5, 500],
    [0, 3600, 0, 60_000],
    [0, 3600, 0.999, 89_970],
    [0, null, 0, 0],
    [0, null, 0.5, 500],
    [1, null, 0.5, 1_000],
    [4, null, 0.999, 15_984],
    [10, null, 0.999, 59_940],
    [50, undefined, 0.5, 30_000],
  ])('attempt %i, Retry-After %s, random %s → %i ms', (attempt, retryAfterSeconds, random, ms) => {
    expect(retryDelayMs({ attempt, retryAfterSeconds, random })).toBe(ms);
  });

  it('never comes back before the server said, nor waits longer than the cap plus jitter', () => {
    for (let i = 0; i < 200; i += 1) {
      const random = i / 200;
      const told = retryDelayMs({ attempt: i % 12, retryAfterSeconds: 2, random });
      expect(told).toBeGreaterThanOrEqual(2_000);
      expect(told).toBeLessThan(3_000);
      const backoff = retryDelayMs({ attempt: i % 12, random });
      expect(backoff).toBeGreaterThanOrEqual(0);
      expect(backoff).toBeLessThan(MAX_RETRY_DELAY_MS);
    }
  });
});

describe('reading Retry-After', () => {
  const now = Date.parse('2026-11-30T08:00:00Z');

  it.each([
    ['3', 3],
    [' 120 ', 120],
    ['Mon, 30 Nov 2026 08:00:30 GMT', 30],
    ['Mon, 30 Nov 2026 07:59:00 GMT', 0],
    ['soon', null],
    ['-5', null],
    ['', null],
    [null, null],
  ])('%j → %s seconds', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });

  const overloaded = {
    error: {
      message: 'This server is busy with many people at once.',
      code: -32603,
      data: {
        code: 'SERVICE_UNAVAILABLE',
        httpStatus: 503,
        reason: 'OVERLOADED',
        retryAfterSeconds: 4,
      },
    },
  };
  const failedTap = async (response: () => Response) => {
    const client = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({ url: 'http://app.test/trpc', fetch: () => Promise.resolve(response()) }),
      ],
    });
    return client.attendance.clockIn
      .mutate({ idempotencyKey: crypto.randomUUID(), at: new Date(now).toISOString() })
      .then(
        () => {
          throw new Error('the call should have failed');
        },
        (error: unknown) => error,
      );
  };

  it("takes the header of an overloaded node's 503 from the tRPC client's error", async () => {
    const error = await failedTap(
      () =>
        new Response(JSON.stringify(overloaded), {
          status: 503,
          headers: { 'content-type': 'application/json', 'retry-after': '7' },
        }),
    );
    expect(retryAfterOf(error, now)).toBe(7);
  });

  it("falls back to the error's data when no header came through, and to nothing after a network error", async () => {
    const noHeader = await failedTap(
      () =>
        new Response(JSON.stringify(overloaded), {
          status: 503,
          headers: { 'content-type': 'application/json' },
        }),
    );
    expect(retryAfterOf(noHeader, now)).toBe(4);
    const network = await failedTap(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(retryAfterOf(network, now)).toBeNull();
  });
});
