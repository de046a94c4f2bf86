import { afterAll, describe, expect, it, vi } from 'vitest';
import { testRedis } from '@absensi/events/testing';
import { cachedSnapshot, MemorySnapshotCache, viewName, type SnapshotCache } from '@absensi/core';
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

  it('keeps one snapshot per view, each renewed by the one invalidation', async () => {
    const cache = makeCache();
    const ops = viewName('2026-12-01', { departments: ['Ops', 'Sales'] });
    expect(viewName('2026-12-01', { departments: ['Sales', 'Ops'] })).toBe(ops);
    expect(viewName('2026-12-02', { departments: ['Sales', 'Ops'] })).not.toBe(ops);
    expect(viewName('2026-12-01', { siteId: 3 })).not.toBe(
      viewName('2026-12-01', { departments: [], siteId: 3 }),
    );
    expect(viewName('2026-12-01')).toBe('2026-12-01');
    let builds = 0;
    const build = (name: string) => () => Promise.resolve({ view: name, build: ++builds });
    const read = (name: string) => cachedSnapshot(cache, build(name), name);
    expect(await read('')).toEqual({ view: '', build: 1 });
    expect(await read(ops)).toEqual({ view: ops, build: 2 });
    expect(await read('')).toEqual({ view: '', build: 1 });
    expect(await read(ops)).toEqual({ view: ops, build: 2 });
    await cache.invalidate();
    expect(await read(ops)).toEqual({ view: ops, build: 3 });
    expect(await read('')).toEqual({ view: '', build: 4 });
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
      read: (version, view) => {
        counts.reads += 1;
        return inner.read(version, view);
      },
      write: (version, snapshot, view) => inner.write(version, snapshot, view),
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

  it('past the TTL, serves the old snapshot of the same version for one TTL more while one rebuild runs', async () => {
    const { cache } = counted(200);
    let builds = 0;
    let release = () => undefined as void;
    const build = async () => {
      builds += 1;
      if (builds > 1) await new Promise<void>((resolve) => (release = resolve));
      return { present: builds };
    };
    expect(await cachedSnapshot(cache, build)).toEqual({ present: 1 });
    await new Promise((resolve) => setTimeout(resolve, 220));
    // Expired, same version: served at once, one rebuild started for all of them.
    const during = await Promise.all(Array.from({ length: 5 }, () => cachedSnapshot(cache, build)));
    expect(during).toEqual(Array.from({ length: 5 }, () => ({ present: 1 })));
    expect(builds).toBe(2);
    release();
    await vi.waitUntil(async () => (await cachedSnapshot(cache, build)).present === 2, {
      timeout: 1_000,
    });
  });

  it('never serves a stale snapshot past twice the TTL, of an older version, or of another view (work date)', async () => {
    let builds = 0;
    const build = () => Promise.resolve({ present: ++builds });
    const old = counted(40);
    expect(await cachedSnapshot(old.cache, build)).toEqual({ present: 1 });
    await new Promise((resolve) => setTimeout(resolve, 90));
    expect(await cachedSnapshot(old.cache, build)).toEqual({ present: 2 });

    const changed = counted(60_000);
    expect(await cachedSnapshot(changed.cache, build)).toEqual({ present: 3 });
    await changed.cache.invalidate();
    expect(await cachedSnapshot(changed.cache, build)).toEqual({ present: 4 });

    const yesterday = counted(40);
    expect(await cachedSnapshot(yesterday.cache, build, '2026-12-01')).toEqual({ present: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await cachedSnapshot(yesterday.cache, build, '2026-12-02')).toEqual({ present: 6 });
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
