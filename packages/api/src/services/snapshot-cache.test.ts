import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { testEnvironment } from '@absensi/config';
import { deleteKeys, redisUnderTest, testPrefix } from '@absensi/events/testing';
import {
  cachedSnapshot,
  MemorySnapshotCache,
  RedisSnapshotCache,
  type SnapshotCache,
} from './snapshot-cache.js';

const withRedis = await redisUnderTest();
const prefix = testPrefix();
const redis = withRedis ? new Redis(testEnvironment().redisUrl) : null;
afterAll(async () => {
  if (redis) {
    await deleteKeys(prefix);
    redis.disconnect();
  }
});

const caches: [string, () => SnapshotCache][] = [['memory', () => new MemorySnapshotCache(60_000)]];
if (redis)
  caches.push(['redis', () => new RedisSnapshotCache(redis, `${prefix}${Math.random()}`, 60_000)]);

describe.each(caches)('%s snapshot cache', (_name, makeCache) => {
  it('serves a built snapshot until an event invalidates it', async () => {
    const cache = makeCache();
    let builds = 0;
    const build = () => Promise.resolve({ present: ++builds });
    expect(await cachedSnapshot(cache, build)).toEqual({ present: 1 });
    expect(await cachedSnapshot(cache, build)).toEqual({ present: 1 });
    await cache.invalidate();
    expect(await cachedSnapshot(cache, build)).toEqual({ present: 2 });
  });

  it('never serves a snapshot built before the last invalidation, even if stored after it', async () => {
    const cache = makeCache();
    const before = await cache.read();
    await cache.invalidate();
    await cache.write(before.version, JSON.stringify({ stale: true }));
    expect((await cache.read()).value).toBeNull();
  });

  it('builds once for many readers who miss at the same moment, and again after an invalidation', async () => {
    const cache = makeCache();
    let builds = 0;
    const build = async () => {
      builds += 1;
      await new Promise((resolve) => setTimeout(resolve, 30));
      return { present: builds };
    };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => cachedSnapshot(cache, build)),
    );
    expect(builds).toBe(1);
    expect(new Set(answers.map((answer) => answer.present))).toEqual(new Set([1]));
    const during = cachedSnapshot(cache, build);
    await cache.invalidate();
    const after = await cachedSnapshot(cache, build);
    await during;
    expect(after).toEqual({ present: 2 });
  });
});
