import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { testRedis } from '@absensi/events/testing';
import { InProcessUserChanges, RedisUserChanges, type UserChange } from './user-changes.js';

const store = await testRedis();
afterAll(() => store?.close());

/** Resolves with the changes heard once `count` have arrived (or what there is after 3 s). */
function hear(bus: { subscribe(listener: (change: UserChange) => void): () => void }, count = 1) {
  const heard: UserChange[] = [];
  return {
    heard,
    done: new Promise<UserChange[]>((resolve) => {
      const deadline = setTimeout(() => resolve(heard), 3_000);
      bus.subscribe((change) => {
        heard.push(change);
        if (heard.length >= count) {
          clearTimeout(deadline);
          resolve(heard);
        }
      });
    }),
  };
}

describe('account change notices', () => {
  it('reach the listeners of the one process (embedded)', async () => {
    const bus = new InProcessUserChanges();
    const listener = hear(bus);
    bus.announce([]);
    bus.announce([3, 4]);
    expect(await listener.done).toEqual([[3, 4]]);
    await bus.close();
  });

  it.skipIf(!store)(
    'reach every process through Redis, and say "all" after a lost connection',
    async () => {
      const { redis, prefix } = store!;
      const errors: unknown[] = [];
      const apiNode = new RedisUserChanges(redis, prefix, (error) => errors.push(error));
      const realtime = new RedisUserChanges(redis, prefix, (error) => errors.push(error));
      const elsewhere = new RedisUserChanges(redis, `${prefix}other-`, (error) =>
        errors.push(error),
      );
      const atRealtime = hear(realtime);
      const atOther = hear(elsewhere);
      // Subscriptions are made as the connections come up; give them a moment.
      await new Promise((resolve) => setTimeout(resolve, 300));
      apiNode.announce([42]);
      expect(await atRealtime.done).toEqual([[42]]);

      const afterLoss = hear(realtime);
      (realtime as unknown as { subscriber: Redis }).subscriber.disconnect(true);
      expect(await afterLoss.done).toEqual(['all']);
      apiNode.announce([43]);
      const again = hear(realtime);
      expect(await again.done).toEqual([[43]]);
      expect(atOther.heard).toEqual([]);
      expect(errors).toEqual([]);
      await Promise.all([apiNode.close(), realtime.close(), elsewhere.close()]);
    },
  );
});
