import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import type { AppRouter } from '../api/types';
import { parseRetryAfter, retryAfterOf } from './retry';

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
