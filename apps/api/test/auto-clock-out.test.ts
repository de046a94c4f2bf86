import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeForgottenShifts, rules } from '@absensi/core';
import { Attendance, User } from '@absensi/db';
import { createTestClient, type TestClient } from '@absensi/api/testing';
import { type TestNode } from './node.js';
import { describeApi } from './fixture.js';

describeApi('auto-clock-out', (fixture) => {
  let node!: TestNode;
  let admin!: TestClient;
  beforeAll(() => {
    ({ node, admin } = fixture.started());
  });

  describe('auto clock-out', () => {
    it('closes a shift left open past the auto clock-out hour, marked auto, and tells the dashboards', async () => {
      const forgetful = await admin.trpc.admin.users.create.mutate({
        name: 'Lupa',
        email: 'lupa@example.com',
        password: 'lupa-password',
      });
      const client = createTestClient(node.url);
      await client.trpc.auth.login.mutate({
        email: 'lupa@example.com',
        password: 'lupa-password',
      });
      const open = await client.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
      const settings = await admin.trpc.admin.settings.get.query();
      const closesAt = rules.autoClockOutAt(
        new Date(open.clockInAt),
        settings.timeZone,
        settings.autoClockOutHour,
      );
      const { deps } = node.node;

      expect(
        await closeForgottenShifts({
          ...deps,
          clock: () => new Date(closesAt.getTime() - 1_000),
        }),
      ).toBe(0);
      const closed = await closeForgottenShifts({
        ...deps,
        clock: () => new Date(closesAt.getTime() + 60_000),
      });
      expect(closed).toBeGreaterThanOrEqual(1);
      const today = await client.trpc.attendance.history.query({
        month: open.workDate.slice(0, 7),
      });
      expect(today.items[0]).toMatchObject({
        id: open.id,
        clockOutKind: 'auto',
        clockOutAt: closesAt.toISOString(),
      });
      expect((await client.trpc.attendance.today.query()).open).toBeNull();
      const dashboard = await admin.trpc.admin.dashboard.query();
      expect(dashboard.latest.find((event) => event.data.attendanceId === open.id)).toMatchObject({
        type: 'AttendanceUpdated',
        data: { change: 'auto_clock_out', clockOutKind: 'auto', userId: forgetful.user.id },
      });
      expect(
        await closeForgottenShifts({
          ...deps,
          clock: () => new Date(closesAt.getTime() + 120_000),
        }),
      ).toBe(0);
    });
  });

  describe('auto clock-out at scale', () => {
    it('closes forgotten shifts a page at a time and leaves the shifts of today open', async () => {
      const { deps } = node.node;
      // A day ago, so that no shift the other tests opened today can be due.
      const now = new Date(Date.now() - 86_400_000);
      const at = { ...deps, clock: () => now };
      const settings = await deps.settings.get();
      const forgottenAt = new Date(now.getTime() - 2 * 86_400_000);
      const users = await User.bulkCreate(
        Array.from({ length: 520 }, (_, index) => ({
          name: `Lupa ${index}`,
          email: `lupa-${index}@example.com`,
          passwordHash: 'not-a-real-hash',
          role: 'employee' as const,
          department: null,
          active: true,
        })),
      );
      const shift = (userId: number, clockInAt: Date) => ({
        userId,
        workDate: rules.workDateOf(clockInAt, settings.timeZone),
        status: 'on_time' as const,
        lateMinutes: 0,
        clockInAt,
        clockInReceivedAt: clockInAt,
        clockInNode: 'api-test',
        clockInSource: 'online' as const,
        openUserId: userId,
      });
      const [stillAtWork, ...forgetful] = users;
      await Attendance.bulkCreate([
        ...forgetful.map((user) => shift(user.id, forgottenAt)),
        shift(stillAtWork!.id, now),
      ]);

      expect(await closeForgottenShifts(at)).toBe(forgetful.length);
      const rows = await Attendance.findAll({
        where: { userId: users.map((user) => user.id) },
        raw: true,
      });
      const closedRows = rows.filter((row) => row.userId !== stillAtWork!.id);
      expect(closedRows).toHaveLength(forgetful.length);
      expect(
        closedRows.every((row) => row.clockOutKind === 'auto' && row.openUserId === null),
      ).toBe(true);
      expect(rows.find((row) => row.userId === stillAtWork!.id)).toMatchObject({
        openUserId: stillAtWork!.id,
        clockOutAt: null,
      });
      expect(await closeForgottenShifts(at)).toBe(0);
    }, 60_000);
  });
});
