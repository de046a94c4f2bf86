import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '@absensi/db/testing';
import { createLiveClient, createTestClient } from '@absensi/api/testing';
import { ADMIN, startTestNode, type TestNode } from './node.js';

const dialects = await dialectsUnderTest();

describe.each(dialects)(
  'the embedded server restarted under a live subscription, on %s',
  (dialect) => {
    const nodes: TestNode[] = [];
    afterAll(async () => {
      await nodes.at(-1)?.stop();
    });

    it('gives a client resuming with its last event id exactly the events it missed', async () => {
      const first = await startTestNode(dialect);
      nodes.push(first);
      const admin = createTestClient(first.url);
      await admin.trpc.auth.login.mutate(ADMIN);
      const seen: string[] = [];
      const live = createLiveClient(first.wsUrl, admin.cookieHeader());
      live.trpc.live.attendance.subscribe(undefined, { onData: ({ id }) => seen.push(id) });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await admin.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
      await expect.poll(() => seen.length).toBe(1);
      // The client goes away; a change is made before npm start is restarted, another after.
      await live.close();
      await admin.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
      await first.halt();
      const second = await startTestNode(dialect, {}, first);
      nodes.push(second);
      const again = createTestClient(second.url);
      await again.trpc.auth.login.mutate(ADMIN);
      await again.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });

      const resumed: { id: string; type: string }[] = [];
      const back = createLiveClient(second.wsUrl, again.cookieHeader());
      back.trpc.live.attendance.subscribe(
        { lastEventId: seen[0]! },
        { onData: ({ id, data }) => resumed.push({ id, type: data.type }) },
      );
      await expect.poll(() => resumed.length).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(resumed.map((event) => event.type)).toEqual([
        'AttendanceUpdated',
        'AttendanceCreated',
      ]);
      expect(resumed.map((event) => event.id)).not.toContain(seen[0]);
      await back.close();
    });
  },
);
