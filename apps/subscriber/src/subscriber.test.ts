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

  it('forwards every event in order and, restarted, resumes after the last one it forwarded', async () => {
    const feed = new RedisFeed(testEnvironment().redisUrl, prefix);
    const ingest = await startIngest();
    const cursorKey = `${prefix}subscriber:test:cursor`;
    const start = () => {
      const stop = new AbortController();
      const done = runSubscriber(
        {
          feed: new RedisFeed(testEnvironment().redisUrl, prefix),
          redis: redis!,
          cursorKey,
          ingestUrl: ingest.url,
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
    try {
      const first = [1, 2, 3].map((user) => sampleAttendanceCreated(user));
      let stop = start();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await feed.append(first);
      await expect.poll(() => ingest.received.length, { timeout: 5_000 }).toBe(3);
      await stop();
      expect(ingest.received.map((event) => event.id)).toEqual(first.map((event) => event.id));

      const later = [4, 5].map((user) => sampleAttendanceCreated(user));
      await feed.append(later);
      stop = start();
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
});
