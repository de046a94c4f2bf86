import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { testEnvironment } from '@absensi/config';
import { RedisFeed, type AppEvent } from '@absensi/events';
import {
  deleteKeys,
  redisUnderTest,
  sampleAttendanceCreated,
  testPrefix,
} from '@absensi/events/testing';
import { runSubscriber } from './subscriber.js';

const withRedis = await redisUnderTest();
const prefix = testPrefix();
const SECRET = 'x'.repeat(40);

/** A stand-in for realtime's ingest that records what it is given, behind the same secret. */
async function startIngest(): Promise<{ url: string; received: AppEvent[]; server: Server }> {
  const received: AppEvent[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.headers.authorization !== `Bearer ${SECRET}`) {
        response.writeHead(401).end();
        return;
      }
      received.push(...(JSON.parse(body) as { events: AppEvent[] }).events);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

describe.runIf(withRedis)('a subscriber node', () => {
  const redis = withRedis ? new Redis(testEnvironment().redisUrl) : null;
  afterAll(async () => {
    await deleteKeys(prefix);
    redis?.disconnect();
  });

  /** A subscriber node in this process; the returned function stops it as SIGTERM would. */
  const startSubscriber = (
    ingestUrl: string,
    holder: string,
    keys: { cursor: string; lease: string },
  ) => {
    const stop = new AbortController();
    const done = runSubscriber(
      {
        feed: new RedisFeed(testEnvironment().redisUrl, prefix),
        redis: redis!,
        cursorKey: keys.cursor,
        lease: { key: keys.lease, holder, ttlMs: 500 },
        ingestUrl,
        secret: SECRET,
        logger: pino({ level: 'silent' }),
        blockMs: 200,
        initialBacklog: 0,
      },
      stop.signal,
    );
    return async () => {
      stop.abort();
      await done;
    };
  };

  it('forwards every event in order and, restarted, resumes after the last one it forwarded', async () => {
    const feed = new RedisFeed(testEnvironment().redisUrl, prefix);
    const ingest = await startIngest();
    const keys = { cursor: `${prefix}restart:cursor`, lease: `${prefix}restart:lease` };
    try {
      const first = [1, 2, 3].map((user) => sampleAttendanceCreated(user));
      let stop = startSubscriber(ingest.url, 'only', keys);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await feed.append(first);
      await expect.poll(() => ingest.received.length, { timeout: 5_000 }).toBe(3);
      await stop();
      expect(ingest.received.map((event) => event.id)).toEqual(first.map((event) => event.id));

      const later = [4, 5].map((user) => sampleAttendanceCreated(user));
      await feed.append(later);
      stop = startSubscriber(ingest.url, 'only', keys);
      await expect.poll(() => ingest.received.length, { timeout: 5_000 }).toBe(5);
      await stop();
      expect(ingest.received.slice(3).map((event) => event.id)).toEqual(
        later.map((event) => event.id),
      );
    } finally {
      await feed.close();
      ingest.server.close();
    }
  });

  it('has one of several subscribers forward, and another take over when it stops or dies', async () => {
    const feed = new RedisFeed(testEnvironment().redisUrl, prefix);
    const ingest = await startIngest();
    const keys = { cursor: `${prefix}pair:cursor`, lease: `${prefix}pair:lease` };
    const ids = () => ingest.received.map((event) => event.id);
    try {
      const stopA = startSubscriber(ingest.url, 'a', keys);
      await expect.poll(() => redis!.get(keys.lease)).toBe('a');
      await new Promise((resolve) => setTimeout(resolve, 300)); // reading from the end of the feed
      const stopB = startSubscriber(ingest.url, 'b', keys);
      const stopC = startSubscriber(ingest.url, 'c', keys);
      const first = [1, 2, 3].map((user) => sampleAttendanceCreated(user));
      await feed.append(first);
      await expect.poll(() => ids(), { timeout: 5_000 }).toEqual(first.map((event) => event.id));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(ids()).toHaveLength(3); // forwarded once, by the holder alone

      // Stopped (a rolling update): the lease is handed over at once and no event is missed.
      await stopA();
      const second = [4, 5].map((user) => sampleAttendanceCreated(user));
      await feed.append(second);
      await expect
        .poll(() => ids().slice(3), { timeout: 1_000, interval: 20 })
        .toEqual(second.map((event) => event.id));
      const holder = await redis!.get(keys.lease);
      expect(['b', 'c']).toContain(holder);

      // Gone without a word (killed, cut off): once its lease lapses another takes it and goes on.
      await redis!.set(keys.lease, 'someone-dead', 'PX', 600);
      await expect
        .poll(async () => ['b', 'c'].includes((await redis!.get(keys.lease)) ?? ''), {
          timeout: 3_000,
          interval: 20,
        })
        .toBe(true);
      const third = [6].map((user) => sampleAttendanceCreated(user));
      await feed.append(third);
      await expect
        .poll(() => ids().includes(third[0]!.id), { timeout: 1_000, interval: 20 })
        .toBe(true);
      expect(new Set(ids()).size).toBe(6);
      await Promise.all([stopB(), stopC()]);
      expect(await redis!.get(keys.lease)).toBeNull();
    } finally {
      await feed.close();
      ingest.server.close();
    }
  });
});
