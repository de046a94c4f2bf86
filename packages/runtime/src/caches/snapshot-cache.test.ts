import { afterAll, describe, expect, it } from 'vitest';
import { testRedis } from '@absensi/events/testing';
import { cachedSnapshot, MemorySnapshotCache, type SnapshotCache } from '@absensi/core';
import { RedisSnapshotCache } from './redis-snapshot-cache.js';

const store = await testRedis();
afterAll(() => store?.close());

const caches: [string, () => SnapshotCache][] = [['memory', () => new MemorySnapshotCache(60_000)]];
if (store)
  caches.push([
    'redis',
    () => new RedisSnapshotCache(store.redis, `${store.prefix}${Math.random()}`, 60_000),
  ]);

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
    const before = await cache.version();
    await cache.invalidate();
    await cache.write(before, { value: JSON.stringify({ stale: true }), builtAt: Date.now() });
    expect(await cache.read(await cache.version())).toBeNull();
    expect(await cachedSnapshot(cache, () => Promise.resolve({ stale: false }))).toEqual({
      stale: false,
    });
  });

  it('keeps a snapshot no longer than its TTL from when its build began', async () => {
    const cache = makeCache();
    const version = await cache.version();
    await cache.write(version, { value: '{"old":true}', builtAt: Date.now() - 61_000 });
    expect(await cache.read(version)).toBeNull();
    await cache.write(version, { value: '{"young":true}', builtAt: Date.now() - 1_000 });
    expect(await cache.read(version)).toMatchObject({ value: '{"young":true}' });
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

describe('cachedSnapshot in one process', () => {
  /** A cache that counts how often the stored snapshot itself is fetched. */
  function counted(ttlMs: number) {
    const inner = new MemorySnapshotCache(ttlMs);
    const counts = { reads: 0 };
    const cache: SnapshotCache = {
      ttlMs,
      version: () => inner.version(),
      read: (version) => {
        counts.reads += 1;
        return inner.read(version);
      },
      write: (version, snapshot) => inner.write(version, snapshot),
      invalidate: () => inner.invalidate(),
    };
    return { cache, counts };
  }

  it('serves a current snapshot from memory, asking the cache only for its version', async () => {
    const { cache, counts } = counted(60_000);
    let builds = 0;
    const build = () => Promise.resolve({ present: ++builds });
    for (let call = 0; call < 5; call += 1)
      expect(await cachedSnapshot(cache, build)).toEqual({ present: 1 });
    expect(counts.reads).toBe(1);
    await cache.invalidate();
    expect(await cachedSnapshot(cache, build)).toEqual({ present: 2 });
  });

  it('lets the memory go when the snapshot is as old as the TTL', async () => {
    const { cache } = counted(40);
    let builds = 0;
    const build = () => Promise.resolve({ present: ++builds });
    expect(await cachedSnapshot(cache, build)).toEqual({ present: 1 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await cachedSnapshot(cache, build)).toEqual({ present: 2 });
  });

  it('takes a snapshot another process stored, and builds when the cache fails', async () => {
    const { cache } = counted(60_000);
    await cache.write(await cache.version(), { value: '{"from":"api-2"}', builtAt: Date.now() });
    expect(await cachedSnapshot(cache, () => Promise.resolve({ from: 'here' }))).toEqual({
      from: 'api-2',
    });
    const failing: SnapshotCache = {
      ttlMs: 60_000,
      version: () => Promise.reject(new Error('Redis away')),
      read: () => Promise.reject(new Error('Redis away')),
      write: () => Promise.reject(new Error('Redis away')),
      invalidate: () => Promise.reject(new Error('Redis away')),
    };
    expect(await cachedSnapshot(failing, () => Promise.resolve({ built: true }))).toEqual({
      built: true,
    });
  });
});
