import { describe, expect, it } from 'vitest';
import { flushTaps, memoryStore, newTapKey, type QueuedTap, type SendOutcome } from './queue';

const tap = (key: string, kind: QueuedTap['kind'], at: string, userId = 1): QueuedTap => ({
  key,
  kind,
  at,
  userId,
});

describe('the tap queue', () => {
  it('sends taps oldest first and removes each once the server accepted it', async () => {
    const store = memoryStore();
    await store.put(tap('b', 'clockOut', '2026-11-24T10:00:00.000Z'));
    await store.put(tap('a', 'clockIn', '2026-11-24T01:00:00.000Z'));
    const sent: string[] = [];
    const report = await flushTaps(store, 1, (item) => {
      sent.push(`${item.kind}@${item.at}`);
      return Promise.resolve<SendOutcome<string>>({ status: 'sent', value: item.key });
    });
    expect(sent).toEqual(['clockIn@2026-11-24T01:00:00.000Z', 'clockOut@2026-11-24T10:00:00.000Z']);
    expect(report.sent.map((item) => item.value)).toEqual(['a', 'b']);
    expect(store.map.size).toBe(0);
  });

  it('drops a tap the server refused for good, and reports it', async () => {
    const store = memoryStore();
    await store.put(tap('a', 'clockIn', '2026-11-24T01:00:00.000Z'));
    const report = await flushTaps(store, 1, () =>
      Promise.resolve<SendOutcome<string>>({ status: 'refused', error: 'CONFLICT' }),
    );
    expect(report.refused).toEqual([
      { tap: tap('a', 'clockIn', '2026-11-24T01:00:00.000Z'), error: 'CONFLICT' },
    ]);
    expect(store.map.size).toBe(0);
  });

  it('keeps the tap that could not reach the server, and those after it, in order', async () => {
    const store = memoryStore();
    await store.put(tap('a', 'clockIn', '2026-11-24T01:00:00.000Z'));
    await store.put(tap('b', 'clockOut', '2026-11-24T02:00:00.000Z'));
    let calls = 0;
    const report = await flushTaps(store, 1, () => {
      calls += 1;
      return Promise.resolve<SendOutcome<string>>({ status: 'retry', error: 'offline' });
    });
    expect(calls).toBe(1);
    expect(report).toMatchObject({ stoppedBy: 'offline', remaining: 2, sent: [], refused: [] });
    expect([...store.map.keys()].sort()).toEqual(['a', 'b']);
  });

  it("sends only the signed-in user's taps", async () => {
    const store = memoryStore();
    await store.put(tap('mine', 'clockIn', '2026-11-24T01:00:00.000Z', 1));
    await store.put(tap('theirs', 'clockIn', '2026-11-24T01:00:00.000Z', 2));
    const report = await flushTaps(store, 1, (item) =>
      Promise.resolve<SendOutcome<string>>({ status: 'sent', value: item.key }),
    );
    expect(report.sent.map((item) => item.tap.key)).toEqual(['mine']);
    expect([...store.map.keys()]).toEqual(['theirs']);
  });

  it('never has the same tap in flight twice when flushes overlap', async () => {
    const store = memoryStore();
    for (let index = 0; index < 5; index++) {
      await store.put(tap(`k${index}`, 'clockIn', `2026-11-24T0${index}:00:00.000Z`));
    }
    const inFlight = new Set<string>();
    const sends: string[] = [];
    const send = async (item: QueuedTap): Promise<SendOutcome<string>> => {
      expect(inFlight.has(item.key)).toBe(false);
      inFlight.add(item.key);
      sends.push(item.key);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight.delete(item.key);
      return { status: 'sent', value: item.key };
    };
    await Promise.all([
      flushTaps(store, 1, send),
      flushTaps(store, 1, send),
      flushTaps(store, 1, send),
    ]);
    expect(sends).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
    expect(store.map.size).toBe(0);
  });

  it('makes version 4 UUIDs, as the API requires of an idempotency key', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newTapKey()));
    expect(keys.size).toBe(100);
    for (const key of keys)
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
