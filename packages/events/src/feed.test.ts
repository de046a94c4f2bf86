import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { testEnvironment } from '@absensi/config';
import { MemoryFeed } from './memory-feed.js';
import { RedisFeed } from './redis-feed.js';
import type { EventFeed } from './feed.js';
import {
  deleteKeys,
  redisUnderTest,
  sampleAttendanceCreated,
  testPrefix,
} from './testing/index.js';

const withRedis = await redisUnderTest();
const prefix = testPrefix();
afterAll(async () => {
  if (withRedis) await deleteKeys(prefix);
});

const feeds: [string, () => EventFeed][] = [['memory', () => new MemoryFeed()]];
if (withRedis)
  feeds.push([
    'redis',
    () => new RedisFeed(testEnvironment().redisUrl, `${prefix}${Math.random()}-`),
  ]);

describe.each(feeds)('%s feed', (_name, makeFeed) => {
  it('reads everything appended, in order, from any cursor', async () => {
    const feed = makeFeed();
    const events = [1, 2, 3].map((user) => sampleAttendanceCreated(user));
    await feed.append(events);
    const all = await feed.read('0', { count: 10, blockMs: 0 });
    expect(all.map((entry) => entry.event)).toEqual(events);
    const rest = await feed.read(all[0]!.cursor, { count: 10, blockMs: 0 });
    expect(rest.map((entry) => entry.event?.id)).toEqual([events[1]!.id, events[2]!.id]);
    expect((await feed.tail(2)).map((entry) => entry.event?.id)).toEqual([
      events[1]!.id,
      events[2]!.id,
    ]);
    await feed.close();
  });

  it('wakes a blocked reader when an event is appended', async () => {
    const feed = makeFeed();
    const existing = await feed.tail(1);
    const reading = feed.read(existing[0]?.cursor ?? '0', { count: 10, blockMs: 5_000 });
    const event = sampleAttendanceCreated(9);
    setTimeout(() => void feed.append([event]), 50);
    expect((await reading).map((entry) => entry.event?.id)).toEqual([event.id]);
    await feed.close();
  });
});

describe.runIf(withRedis)('redis feed with an entry it cannot read', () => {
  it('returns it as a null event with its cursor, so readers move past it', async () => {
    const feed = new RedisFeed(testEnvironment().redisUrl, `${prefix}bad-`);
    const redis = new Redis(testEnvironment().redisUrl);
    await redis.xadd(feed.key, '*', 'e', JSON.stringify({ type: 'FromTheFuture', id: 'x' }));
    await redis.xadd(feed.key, '*', 'e', 'not json');
    const good = sampleAttendanceCreated(3);
    await feed.append([good]);
    const entries = await feed.read('0', { count: 10, blockMs: 0 });
    expect(entries.map((entry) => entry.event?.id ?? null)).toEqual([null, null, good.id]);
    expect(new Set(entries.map((entry) => entry.cursor)).size).toBe(3);
    redis.disconnect();
    await feed.close();
  });
});

describe.runIf(withRedis)('redis feed when Redis is away', () => {
  it('rejects an append quickly instead of queueing it', async () => {
    const feed = new RedisFeed('redis://127.0.0.1:1', prefix, {
      connectTimeout: 200,
      retryStrategy: () => null,
    });
    const started = Date.now();
    await expect(feed.append([sampleAttendanceCreated(1)])).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
    await feed.close();
  });
});
