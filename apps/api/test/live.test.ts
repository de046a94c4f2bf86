import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLiveClient, createTestClient, type TestClient } from '@absensi/api/testing';
import { type TestNode } from './node.js';
import { describeApi } from './fixture.js';

describeApi('live', (fixture) => {
  let node!: TestNode;
  let admin!: TestClient;
  let employee!: TestClient;
  let employeeId!: number;
  beforeAll(() => {
    ({ node, admin, employee, employeeId } = fixture.started());
  });

  describe('live updates on /ws', () => {
    it('pushes a clock-in to an admin at once, with the writing node, and only their own events to an employee', async () => {
      const adminLive = createLiveClient(node.wsUrl, admin.cookieHeader());
      const employeeLive = createLiveClient(node.wsUrl, employee.cookieHeader());
      const adminEvents: { id: string; nodeId: string; userId: number }[] = [];
      const employeeEvents: number[] = [];
      const adminSub = adminLive.trpc.live.attendance.subscribe(undefined, {
        onData: ({ id, data }) =>
          adminEvents.push({ id, nodeId: data.nodeId, userId: data.data.userId }),
      });
      const employeeSub = employeeLive.trpc.live.attendance.subscribe(undefined, {
        onData: ({ data }) => employeeEvents.push(data.data.userId),
      });
      await new Promise((resolve) => setTimeout(resolve, 300));

      const other = await admin.trpc.admin.users.create.mutate({
        name: 'Other',
        email: 'other@example.com',
        password: 'other-password',
      });
      const otherClient = createTestClient(node.url);
      await otherClient.trpc.auth.login.mutate({
        email: 'other@example.com',
        password: 'other-password',
      });
      const sent = Date.now();
      await otherClient.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
      await employee.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
      await expect.poll(() => adminEvents.length, { timeout: 1_000 }).toBe(2);
      expect(Date.now() - sent).toBeLessThan(1_000);
      expect(adminEvents.map((event) => [event.userId, event.nodeId])).toEqual([
        [other.user.id, 'api-test'],
        [employeeId, 'api-test'],
      ]);
      await expect.poll(() => employeeEvents.length).toBe(1);
      expect(employeeEvents).toEqual([employeeId]);

      // Resuming after the first event gives exactly the one that followed.
      const resumed: string[] = [];
      const resumedSub = adminLive.trpc.live.attendance.subscribe(
        { lastEventId: adminEvents[0]!.id },
        { onData: ({ id }) => resumed.push(id) },
      );
      await expect.poll(() => resumed).toEqual([adminEvents[1]!.id]);
      for (const subscription of [adminSub, employeeSub, resumedSub]) subscription.unsubscribe();
      await adminLive.close();
      await employeeLive.close();
    });

    it('refuses a WebSocket without a session', async () => {
      const { WebSocket } = await import('ws');
      const status = await new Promise<number>((resolve) => {
        const socket = new WebSocket(node.wsUrl);
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('open', () => resolve(101));
        socket.on('error', () => undefined);
      });
      expect(status).toBe(401);
    });
  });
});
