import { afterAll, describe, expect, it } from 'vitest';
import { testRedis } from '@absensi/events/testing';
import { MemoryDayCache, type DayCache } from '@absensi/core';
import { RedisDayCache } from './redis-day-cache.js';

const store = await testRedis();
afterAll(() => store?.close());

const caches: [string, () => DayCache][] = [['memory', () => new MemoryDayCache()]];
if (store)
  caches.push(['redis', () => new RedisDayCache(store.redis, `${store.prefix}${Math.random()}:`)]);

describe.each(caches)('%s day cache', (_name, makeCache) => {
  it('serves a day only under the versions it was read under, and for its work date', async () => {
    const cache = makeCache();
    const first = await cache.read(7, '2026-11-30');
    expect(first.value).toBeNull();
    await cache.write(7, '2026-11-30', first.stamp, '{"a":1}');
    expect((await cache.read(7, '2026-11-30')).value).toBe('{"a":1}');
    expect((await cache.read(7, '2026-12-01')).value).toBeNull();
  });

  it('never serves a day read before a change of that person, even if stored after it', async () => {
    const cache = makeCache();
    const before = await cache.read(7, '2026-11-30');
    const other = await cache.read(9, '2026-11-30');
    await cache.invalidateUsers([7]);
    await cache.write(7, '2026-11-30', before.stamp, '{"stale":true}');
    await cache.write(9, '2026-11-30', other.stamp, '{"other":true}');
    expect((await cache.read(7, '2026-11-30')).value).toBeNull();
    expect((await cache.read(9, '2026-11-30')).value).toBe('{"other":true}');
  });

  it('drops everyone at once for a change of the calendar or the settings', async () => {
    const cache = makeCache();
    for (const id of [1, 2]) {
      const { stamp } = await cache.read(id, '2026-11-30');
      await cache.write(id, '2026-11-30', stamp, `{"id":${id}}`);
    }
    await cache.invalidateAll();
    expect((await cache.read(1, '2026-11-30')).value).toBeNull();
    expect((await cache.read(2, '2026-11-30')).value).toBeNull();
  });
});

describe.runIf(store)('Redis day cache', () => {
  it('keeps a person’s version longer than a day, so an old day cannot match a version started again', async () => {
    const prefix = `${store!.prefix}${Math.random()}:`;
    const cache = new RedisDayCache(store!.redis, prefix, 1_000);
    await cache.invalidateUsers([5]);
    const versionTtl = await store!.redis.pttl(`${prefix}cache:day-version:5`);
    const { stamp } = await cache.read(5, '2026-11-30');
    await cache.write(5, '2026-11-30', stamp, '{}');
    const dayTtl = await store!.redis.pttl(`${prefix}cache:day:5`);
    expect(versionTtl).toBeGreaterThan(dayTtl);
  });
});
