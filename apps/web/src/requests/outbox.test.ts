import { describe, expect, it } from 'vitest';
import type { Problem } from '../api/errors';
import type { FiledInput } from './draft';
import {
  memoryOutbox,
  nextDueAt,
  retryDelayMs,
  RETRY_MAX_MS,
  sendWaiting,
  type FileOutcome,
  type OutboxItem,
} from './outbox';

const sick = (reason: string): FiledInput => ({
  kind: 'leave',
  leaveTypeId: 2,
  startDate: '2026-11-30',
  endDate: '2026-11-30',
  part: 'full',
  reason,
  attachment: { contentType: 'image/jpeg', base64: '/9j/AAAA' },
  clientKey: `key-${reason}`,
});
const item = (reason: string, savedAt: string, userId = 1): OutboxItem => ({
  clientKey: `key-${reason}`,
  userId,
  input: sick(reason),
  savedAt,
  attempts: 0,
  notBefore: 0,
  refused: null,
});
const offline: Problem = { kind: 'network', serverMessage: 'Failed to fetch', answered: false };
const balanceUsed: Problem = {
  kind: 'invalid',
  serverMessage: 'This leave takes 3 working days; 1 of the 12 days are left.',
  answered: true,
  reason: 'LEAVE_BALANCE_EXCEEDED',
  params: { days: 3, remainingDays: 1, allowanceDays: 12, leaveType: 'Cuti tahunan', year: 2026 },
  issues: [],
};
const NOW = Date.parse('2026-11-30T08:00:00Z');

describe('the request outbox', () => {
  it('sends waiting requests oldest first, with their photo, and removes each once filed', async () => {
    const store = memoryOutbox();
    await store.put(item('b', '2026-11-30T02:00:00.000Z'));
    await store.put(item('a', '2026-11-30T01:00:00.000Z'));
    await store.put(item('other', '2026-11-30T00:00:00.000Z', 2));
    const sent: FiledInput[] = [];
    const round = await sendWaiting(store, 1, (waiting) => {
      sent.push(waiting.input);
      return Promise.resolve<FileOutcome>({ status: 'sent' });
    });
    expect(sent.map((input) => input.reason)).toEqual(['a', 'b']);
    expect(sent[0]).toMatchObject({ clientKey: 'key-a', attachment: { base64: '/9j/AAAA' } });
    expect(round.sent).toHaveLength(2);
    expect([...store.map.keys()]).toEqual(['key-other']);
  });

  it("keeps a refused request with the server's reason, and sends it no more", async () => {
    const store = memoryOutbox();
    await store.put(item('a', '2026-11-30T01:00:00.000Z'));
    await store.put(item('b', '2026-11-30T02:00:00.000Z'));
    const round = await sendWaiting(store, 1, (waiting) =>
      Promise.resolve<FileOutcome>(
        waiting.input.reason === 'a'
          ? { status: 'refused', problem: balanceUsed }
          : { status: 'sent' },
      ),
    );
    expect(round.refused.map((refused) => refused.clientKey)).toEqual(['key-a']);
    // The reason and its params are kept, so the phone says why in the reader's language.
    expect(store.map.get('key-a')?.refused).toEqual({
      kind: 'invalid',
      serverMessage: balanceUsed.serverMessage,
      reason: 'LEAVE_BALANCE_EXCEEDED',
      params: balanceUsed.params,
      issues: [],
    });
    expect(store.map.has('key-b')).toBe(false);
    let asked = 0;
    await sendWaiting(store, 1, () => {
      asked += 1;
      return Promise.resolve<FileOutcome>({ status: 'sent' });
    });
    expect(asked).toBe(0);
    expect(nextDueAt(await store.all(), 1)).toBeNull();
  });

  it('stops at the first request that cannot reach the server and waits before the next try', async () => {
    const store = memoryOutbox();
    await store.put(item('a', '2026-11-30T01:00:00.000Z'));
    await store.put(item('b', '2026-11-30T02:00:00.000Z'));
    let asked = 0;
    const unreachable = () => {
      asked += 1;
      return Promise.resolve<FileOutcome>({ status: 'retry', problem: offline });
    };
    const round = await sendWaiting(store, 1, unreachable, { now: NOW, random: () => 0 });
    expect(asked).toBe(1);
    expect(round.stoppedBy).toBe(offline);
    expect(store.map.get('key-a')).toMatchObject({ attempts: 1, notBefore: NOW + 2_500 });
    expect(store.map.get('key-b')).toMatchObject({ attempts: 0 });
    // Not due yet: nothing is sent, unless forced (the network came back).
    await sendWaiting(store, 1, unreachable, { now: NOW + 1_000 });
    expect(asked).toBe(2); // b is due (notBefore 0); a is not
    await sendWaiting(store, 1, () => Promise.resolve<FileOutcome>({ status: 'sent' }), {
      now: NOW + 1_000,
      force: true,
    });
    expect(store.map.size).toBe(0);
  });

  it("waits at least the server's Retry-After when it is overloaded", async () => {
    const store = memoryOutbox();
    await store.put(item('a', '2026-11-30T01:00:00.000Z'));
    const overloaded: Problem = {
      kind: 'unavailable',
      serverMessage: 'OVERLOADED',
      answered: false,
    };
    await sendWaiting(
      store,
      1,
      () =>
        Promise.resolve<FileOutcome>({
          status: 'retry',
          problem: overloaded,
          retryAfterSeconds: 30,
        }),
      { now: NOW, random: () => 0.5 },
    );
    expect(store.map.get('key-a')!.notBefore).toBe(NOW + 30_500);
  });
});

describe('the wait before the next attempt', () => {
  it.each([
    // attempts, Retry-After, random, expected ms
    [1, undefined, 0, 2_500],
    [1, undefined, 0.999, 4_998],
    [2, undefined, 0, 5_000],
    [3, undefined, 1, 20_000],
    [20, undefined, 0, RETRY_MAX_MS / 2],
    [20, undefined, 1, RETRY_MAX_MS],
    [1, 2, 0, 2_500],
    [1, 10, 0.25, 10_250],
    [1, 3_600, 0, RETRY_MAX_MS],
    [1, -5, 0, 2_500],
    [1, Number.NaN, 0, 2_500],
  ])(
    'after %i attempts with Retry-After %s and jitter %s: %i ms',
    (attempts, after, random, ms) => {
      expect(retryDelayMs(attempts, after, () => random)).toBe(ms);
    },
  );

  it('spreads phones that failed together over the second half of the window', () => {
    const delays = Array.from({ length: 200 }, () => retryDelayMs(4, undefined));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(20_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(40_000);
    expect(new Set(delays).size).toBeGreaterThan(100);
  });
});
