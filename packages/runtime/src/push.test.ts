import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { testEnvironment } from '@absensi/config';
import type { PushService } from '@absensi/core';
import { useCaseDeps } from '@absensi/core/testing';
import { repos } from '@absensi/db';
import { newEventId, RedisFeed, type NotificationCreated } from '@absensi/events';
import { deleteKeys, redisUnderTest, testPrefix } from '@absensi/events/testing';
import { redisPushCursor, runPushSender } from './push.js';

const withRedis = await redisUnderTest();
const prefix = testPrefix();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(withRedis)('the Web Push sender of the worker', () => {
  afterAll(() => deleteKeys(prefix));

  it('resumes where it stopped: a notification made while it was down is pushed when it is back, one older than a day is not', async () => {
    const deps = await useCaseDeps('sqlite');
    const redis = new Redis(testEnvironment().redisUrl);
    const feed = new RedisFeed(testEnvironment().redisUrl, prefix);
    try {
      const pushed: string[] = [];
      const push: PushService = {
        publicKey: 'test-key',
        allowLoopback: true,
        send: (_target, payload) => {
          pushed.push((JSON.parse(payload) as { tag: string }).tag);
          return Promise.resolve({ status: 'sent' });
        },
      };
      const siti = await deps.db.models.User.create({
        name: 'Siti',
        email: 'siti@example.com',
        passwordHash: 'x',
        role: 'employee',
        department: 'Ops',
      });
      await repos.pushSubscriptions.save(
        deps.db,
        {
          userId: siti.id,
          endpoint: 'https://push.example.com/phone-1',
          p256dh: 'B'.repeat(87),
          auth: 'A'.repeat(22),
          lang: 'id',
        },
        new Date(),
      );
      const notification = (notificationId: number, ageMs = 0): NotificationCreated => ({
        id: newEventId(),
        type: 'NotificationCreated',
        occurredAt: new Date(Date.now() - ageMs).toISOString(),
        nodeId: 'test',
        data: {
          userId: siti.id,
          notificationId,
          kind: 'request_decided',
          details: { requestId: 1, state: 'approved' },
        },
      });
      const start = () => {
        const stop = new AbortController();
        const done = runPushSender({ ...deps, push }, feed, stop.signal, {
          cursor: redisPushCursor(redis, `${prefix}push:cursor`),
          blockMs: 100,
        });
        return async () => {
          stop.abort();
          await done;
        };
      };

      let stop = start();
      await sleep(300); // it has taken its first position
      await feed.append([notification(1)]);
      await expect.poll(() => pushed, { timeout: 5_000 }).toEqual(['notification-1']);
      await stop();

      // Made while the worker is down (a deploy, a crash): pushed once it is back.
      await feed.append([notification(2), notification(3, 25 * 60 * 60 * 1_000)]);
      stop = start();
      await expect
        .poll(() => pushed, { timeout: 5_000 })
        .toEqual(['notification-1', 'notification-2']);
      await sleep(500);
      expect(pushed).toEqual(['notification-1', 'notification-2']); // the day-old one is skipped
      await stop();
    } finally {
      redis.disconnect();
      await feed.close();
      await deps.close();
    }
  });
});
