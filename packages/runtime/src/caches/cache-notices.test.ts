import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { Redis } from 'ioredis';
import { testEnvironment } from '@absensi/config';
import { testRedis } from '@absensi/events/testing';
import { CacheNotices, KEPT_AT_MOST_MS } from './cache-notices.js';
import { RedisDayCache } from './redis-day-cache.js';
import { RedisSnapshotCache } from './redis-snapshot-cache.js';

const store = await testRedis();
afterAll(() => store?.close());

/** Short intervals, so a test of a lost subscription takes a fraction of a second. */
const TIMING = { pingMs: 20, trustMs: 150 };

/** One process's view: its own Redis connection, notices and caches (as connectInfrastructure builds them). */
function process(prefix: string) {
  const redis = new Redis(testEnvironment().redisUrl, { enableOfflineQueue: false });
  const notices = new CacheNotices(redis, prefix, TIMING);
  return {
    redis,
    notices,
    days: new RedisDayCache(redis, prefix, 60_000, notices),
    dashboard: new RedisSnapshotCache(redis, `${prefix}cache:dashboard`, 5_000, notices),
    /** The subscriber connection, reached into to lose it on purpose. */
    subscriber: (notices as unknown as { subscriber: Redis }).subscriber,
    close() {
      notices.close();
      redis.disconnect();
    },
  };
}
type Process = ReturnType<typeof process>;

const opened: Process[] = [];
afterEach(() => {
  for (const one of opened.splice(0)) one.close();
});

async function two() {
  const prefix = `${store!.prefix}${Math.random()}:`;
  const pair = [process(prefix), process(prefix)] as const;
  opened.push(...pair);
  await vi.waitUntil(() => pair.every((one) => one.notices.trusted()), { timeout: 2_000 });
  return pair;
}

/** Redis commands sent on `redis` while `run` runs. */
async function commandsDuring(redis: Redis, run: () => Promise<unknown>): Promise<number> {
  const sent = vi.spyOn(redis, 'sendCommand');
  try {
    await run();
    return sent.mock.calls.length;
  } finally {
    sent.mockRestore();
  }
}

async function keepDay(one: Process, userId: number, value: string) {
  const { stamp } = await one.days.read(userId, '2026-12-01');
  await one.days.write(userId, '2026-12-01', stamp, value);
}

describe.runIf(store)('cache notices between two processes', () => {
  it('serves a kept version and day without asking Redis while nothing changed', async () => {
    const [a] = await two();
    await keepDay(a, 7, '{"day":1}');
    await a.dashboard.version();
    expect(
      await commandsDuring(a.redis, async () => {
        expect((await a.days.read(7, '2026-12-01')).value).toBe('{"day":1}');
        expect(await a.dashboard.version()).toBe(0);
      }),
    ).toBe(0);
  });

  it("sees another process's clock-in (the person's day, the dashboard) as soon as its notice arrives", async () => {
    const [a, b] = await two();
    await keepDay(a, 7, '{"before":true}');
    await keepDay(a, 8, '{"other":true}');
    const before = await a.dashboard.version();
    const changed = Date.now();
    await Promise.all([b.days.invalidateUsers([7]), b.dashboard.invalidate()]);
    await vi.waitUntil(
      async () =>
        (await a.days.read(7, '2026-12-01')).value === null &&
        (await a.dashboard.version()) === before + 1,
      { timeout: 1_000, interval: 2 },
    );
    expect(Date.now() - changed).toBeLessThan(300);
    // Someone else's day is still served from memory.
    expect(
      await commandsDuring(a.redis, async () => {
        expect((await a.days.read(8, '2026-12-01')).value).toBe('{"other":true}');
      }),
    ).toBe(0);
    // The writer itself never serves what it has just invalidated.
    expect((await b.days.read(7, '2026-12-01')).value).toBeNull();
  });

  it('drops every day for a change of everyone (settings, calendar)', async () => {
    const [a, b] = await two();
    await keepDay(a, 1, '{"id":1}');
    await keepDay(a, 2, '{"id":2}');
    await b.days.invalidateAll();
    await vi.waitUntil(
      async () =>
        (await a.days.read(1, '2026-12-01')).value === null &&
        (await a.days.read(2, '2026-12-01')).value === null,
      { timeout: 1_000, interval: 2 },
    );
  });

  it('never keeps a day read before a notice, even when it is stored after it', async () => {
    const [a, b] = await two();
    const { stamp } = await a.days.read(7, '2026-12-01');
    await b.days.invalidateUsers([7]);
    await vi.waitUntil(() => a.notices.heard() > 0, { timeout: 1_000, interval: 2 });
    await a.days.write(7, '2026-12-01', stamp, '{"stale":true}');
    expect((await a.days.read(7, '2026-12-01')).value).toBeNull();
  });

  it('with a silent subscription, trusts nothing kept after the trust time and reads Redis instead', async () => {
    const [a, b] = await two();
    await keepDay(a, 7, '{"before":true}');
    const before = await a.dashboard.version();
    // Connected, but no longer hearing anything: the notices below are lost to `a`.
    await a.subscriber.unsubscribe();
    const changed = Date.now();
    await Promise.all([b.days.invalidateUsers([7]), b.dashboard.invalidate()]);
    await vi.waitUntil(
      async () =>
        (await a.days.read(7, '2026-12-01')).value === null &&
        (await a.dashboard.version()) === before + 1,
      { timeout: 2_000, interval: 5 },
    );
    expect(Date.now() - changed).toBeLessThanOrEqual(TIMING.trustMs + 200);
    expect(a.notices.trusted()).toBe(false);
    // Untrusted, every read asks Redis.
    expect(await commandsDuring(a.redis, () => a.dashboard.version())).toBe(1);
  });

  it('after a lost connection, trusts again only what it read after it came back', async () => {
    const [a, b] = await two();
    await keepDay(a, 7, '{"before":true}');
    const before = await a.dashboard.version();
    const epoch = a.notices.epoch();
    a.subscriber.disconnect(true);
    await vi.waitUntil(() => !a.notices.trusted(), { timeout: 1_000, interval: 2 });
    await Promise.all([b.days.invalidateUsers([7]), b.dashboard.invalidate()]);
    await vi.waitUntil(() => a.notices.trusted(), { timeout: 3_000, interval: 5 });
    expect(a.notices.epoch()).not.toBe(epoch);
    expect((await a.days.read(7, '2026-12-01')).value).toBeNull();
    expect(await a.dashboard.version()).toBe(before + 1);
    // And keeps again once trusted.
    expect(await commandsDuring(a.redis, () => a.dashboard.version())).toBe(0);
  });

  it('asks Redis again after KEPT_AT_MOST_MS, so a bump made without a notice (an older build) is seen', async () => {
    const [a] = await two();
    const prefix = (a.days as unknown as { prefix: string }).prefix;
    const older = {
      days: new RedisDayCache(a.redis, prefix),
      dashboard: new RedisSnapshotCache(a.redis, `${prefix}cache:dashboard`, 5_000),
    };
    await keepDay(a, 7, '{"before":true}');
    const before = await a.dashboard.version();
    await Promise.all([older.days.invalidateUsers([7]), older.dashboard.invalidate()]);
    // No notice: still kept for now...
    expect((await a.days.read(7, '2026-12-01')).value).toBe('{"before":true}');
    expect(await a.dashboard.version()).toBe(before);
    // ...but not past the bound.
    const now = Date.now();
    const later = vi.spyOn(Date, 'now').mockReturnValue(now + KEPT_AT_MOST_MS + 1);
    try {
      expect((await a.days.read(7, '2026-12-01')).value).toBeNull();
      expect(await a.dashboard.version()).toBe(before + 1);
    } finally {
      later.mockRestore();
    }
  });
});
