import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '@absensi/core';
import { createTestClient, errorOf, type TestClient } from '@absensi/api/testing';
import { type TestNode } from './node.js';
import { describeApi } from './fixture.js';

describeApi('admin', (fixture) => {
  const { rowCounts } = fixture;
  let node!: TestNode;
  let admin!: TestClient;
  let employee!: TestClient;
  let employeeId!: number;
  beforeAll(() => {
    ({ node, admin, employee, employeeId } = fixture.started());
  });

  describe('admin', () => {
    const adminCalls = (client: TestClient) => ({
      dashboard: () => client.trpc.admin.dashboard.query(),
      usersList: () => client.trpc.admin.users.list.query({}),
      usersDepartments: () => client.trpc.admin.users.departments.query(),
      usersCreate: () =>
        client.trpc.admin.users.create.mutate({ name: 'X', email: 'x@example.com' }),
      usersUpdate: () => client.trpc.admin.users.update.mutate({ id: 1, name: 'X' }),
      usersDeactivate: () => client.trpc.admin.users.deactivate.mutate({ id: 1 }),
      usersResetPassword: () => client.trpc.admin.users.resetPassword.mutate({ id: 1 }),
      attendanceList: () =>
        client.trpc.admin.attendance.list.query({ from: '2026-01-01', to: '2026-12-31' }),
      attendanceCorrect: () =>
        client.trpc.admin.attendance.correct.mutate({
          id: 1,
          status: 'on_time',
          reason: 'because I can',
        }),
      attendanceAudit: () => client.trpc.admin.attendance.audit.query({ id: 1 }),
      settingsGet: () => client.trpc.admin.settings.get.query(),
      settingsUpdate: () => client.trpc.admin.settings.update.mutate({ autoClockOutHour: 22 }),
      shiftsCreate: () =>
        client.trpc.admin.shifts.create.mutate({
          name: 'X',
          code: 'X',
          startTime: '08:00',
          endTime: '17:00',
        }),
      schedulesCreate: () =>
        client.trpc.admin.schedules.create.mutate({
          name: 'X',
          kind: 'weekly',
          days: [1, 1, 1, 1, 1, null, null],
        }),
    });

    it('refuses every admin procedure to an employee with FORBIDDEN, changing nothing', async () => {
      const before = await rowCounts();
      for (const [name, call] of Object.entries(adminCalls(employee))) {
        const error = await errorOf(call());
        expect({ name, code: error.code, status: error.httpStatus }).toEqual({
          name,
          code: 'FORBIDDEN',
          status: 403,
        });
      }
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses every procedure but login to a visitor with UNAUTHORIZED', async () => {
      const visitor = createTestClient(node.url);
      for (const call of Object.values(adminCalls(visitor)))
        expect((await errorOf(call())).code).toBe('UNAUTHORIZED');
      expect((await errorOf(visitor.trpc.attendance.today.query())).code).toBe('UNAUTHORIZED');
      expect(
        (await errorOf(visitor.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() })))
          .code,
      ).toBe('UNAUTHORIZED');
    });

    // The day the next two tests read: another employee who has not come, and Siti with three
    // closed shifts and one open.
    const spendTheDay = async () => {
      // A shift running now for everyone: Target, who has not come, is expected.
      await fixture.shiftRunningNow();
      await admin.trpc.admin.users.create.mutate({
        name: 'Target',
        email: 'target@example.com',
        password: 'target-password-1',
      });
      for (let shift = 0; shift < 3; shift += 1) {
        await employee.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
        await employee.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
      }
      return employee.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
    };

    it('shows the day on the dashboard: who is in, who is late, who has not come, and by which node', async () => {
      const clockIn = await spendTheDay();
      const dashboard = await admin.trpc.admin.dashboard.query();
      const hour = rules.localHour(new Date(clockIn.clockInAt), 'Asia/Jakarta');
      expect(dashboard.clockInsByHour[hour]).toBeGreaterThan(0);
      expect(dashboard.timeZone).toBe('Asia/Jakarta');
      expect(dashboard.present.map((person) => person.name)).toEqual(['Siti Rahayu']);
      expect(dashboard.notYetIn.map((person) => person.name)).toEqual(['Target']);
      expect(dashboard.counts).toMatchObject({ employees: 2, present: 1, notYetIn: 1 });
      expect(dashboard.clockInsByHour.reduce((sum, count) => sum + count, 0)).toBe(4);
      expect(dashboard.byNode).toEqual([{ node: 'api-test', clockIns: 4, clockOuts: 3 }]);
      expect(dashboard.latest[0]).toMatchObject({
        type: 'AttendanceCreated',
        nodeId: 'api-test',
        data: { userName: 'Siti Rahayu' },
      });
    });

    it('lists attendance with filters and corrects a record with a reason kept in the audit log', async () => {
      const today = await employee.trpc.attendance.today.query();
      const all = await admin.trpc.admin.attendance.list.query({
        from: today.workDate,
        to: today.workDate,
      });
      expect(all.items).toHaveLength(4);
      expect(all.items[0]!.user).toEqual({
        name: 'Siti Rahayu',
        email: 'siti@example.com',
        department: 'Operations',
      });
      expect(
        (
          await admin.trpc.admin.attendance.list.query({
            from: today.workDate,
            to: today.workDate,
            open: true,
          })
        ).items,
      ).toHaveLength(1);
      expect(
        (
          await admin.trpc.admin.attendance.list.query({
            from: today.workDate,
            to: today.workDate,
            department: 'Finance',
          })
        ).items,
      ).toHaveLength(0);
      expect(
        (
          await admin.trpc.admin.attendance.list.query({
            from: today.workDate,
            to: today.workDate,
            userId: employeeId,
            limit: 3,
          })
        ).nextCursor,
      ).not.toBeNull();

      const open = today.open!;
      // A clock-out in the past (one in the future is refused): a second after the clock-in.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const clockOutAt = new Date(new Date(open.clockInAt).getTime() + 1_000).toISOString();
      const corrected = await admin.trpc.admin.attendance.correct.mutate({
        id: open.id,
        clockOutAt,
        status: 'on_time',
        reason: 'Forgot to clock out at the gate',
      });
      expect(corrected).toMatchObject({
        clockOutAt,
        clockOutKind: 'correction',
        status: 'on_time',
        lateMinutes: 0,
      });
      expect((await employee.trpc.attendance.today.query()).open).toBeNull();
      const audit = await admin.trpc.admin.attendance.audit.query({ id: open.id });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'attendance.correct',
        reason: 'Forgot to clock out at the gate',
        actorName: 'Administrator',
      });
      expect((audit[0]!.before as { clockOutAt: null }).clockOutAt).toBeNull();
      expect((audit[0]!.after as { clockOutAt: string }).clockOutAt).toBe(clockOutAt);

      const backwards = await errorOf(
        admin.trpc.admin.attendance.correct.mutate({
          id: open.id,
          clockOutAt: open.clockInAt,
          reason: 'wrong way round',
        }),
      );
      expect(backwards).toMatchObject({
        code: 'BAD_REQUEST',
        message: 'clockOutAt: must be after the clock-in',
      });
      const missing = await errorOf(
        admin.trpc.admin.attendance.correct.mutate({
          id: 999_999,
          status: 'late',
          reason: 'no such record',
        }),
      );
      expect(missing.code).toBe('NOT_FOUND');
    });

    it('manages users: search, update, reset password, deactivate', async () => {
      const found = await admin.trpc.admin.users.list.query({ search: 'siti' });
      expect(found.items.map((user) => user.email)).toEqual(['siti@example.com']);
      expect((await admin.trpc.admin.users.list.query({ role: 'admin' })).items).toHaveLength(1);
      expect(await admin.trpc.admin.users.departments.query()).toEqual(['Operations']);
      const duplicate = await errorOf(
        admin.trpc.admin.users.create.mutate({ name: 'Again', email: 'SITI@example.com' }),
      );
      expect(duplicate).toMatchObject({
        code: 'CONFLICT',
        message: 'Another account already uses this email address.',
      });

      const created = await admin.trpc.admin.users.create.mutate({
        name: 'Budi',
        email: 'budi@example.com',
        department: 'Finance',
      });
      expect(created.generatedPassword).toMatch(/^[A-Za-z0-9]{16}$/);
      const budi = createTestClient(node.url);
      await budi.trpc.auth.login.mutate({
        email: 'budi@example.com',
        password: created.generatedPassword!,
      });
      const updated = await admin.trpc.admin.users.update.mutate({
        id: created.user.id,
        department: 'Sales',
        name: 'Budi Santoso',
      });
      expect(updated).toMatchObject({ department: 'Sales', name: 'Budi Santoso' });
      const reset = await admin.trpc.admin.users.resetPassword.mutate({
        id: created.user.id,
        password: 'a-new-password',
      });
      expect(reset.generatedPassword).toBeNull();
      await createTestClient(node.url).trpc.auth.login.mutate({
        email: 'budi@example.com',
        password: 'a-new-password',
      });

      await admin.trpc.admin.users.deactivate.mutate({ id: created.user.id });
      expect((await errorOf(budi.trpc.auth.me.query())).code).toBe('UNAUTHORIZED');
      expect(
        (
          await errorOf(
            createTestClient(node.url).trpc.auth.login.mutate({
              email: 'budi@example.com',
              password: 'a-new-password',
            }),
          )
        ).code,
      ).toBe('UNAUTHORIZED');
      const me = await admin.trpc.auth.me.query();
      const self = await errorOf(admin.trpc.admin.users.deactivate.mutate({ id: me.id }));
      expect(self).toMatchObject({
        code: 'BAD_REQUEST',
        message: 'You cannot remove your own admin access or deactivate yourself.',
      });
    });

    it('reads and changes the settings', async () => {
      const defaults = {
        timeZone: 'Asia/Jakarta',
        autoClockOutHour: 23,
        overtimeRules: 'PP_35_2021',
        workWeek: 'five_day',
      };
      expect(await admin.trpc.admin.settings.get.query()).toEqual(defaults);
      const changed = await admin.trpc.admin.settings.update.mutate({
        autoClockOutHour: 22,
        workWeek: 'six_day',
      });
      expect(changed).toEqual({ ...defaults, autoClockOutHour: 22, workWeek: 'six_day' });
      const unknownRules = await errorOf(
        admin.trpc.admin.settings.update.mutate({ overtimeRules: 'UU_99' as 'PP_35_2021' }),
      );
      expect(unknownRules.message).toMatch(/overtimeRules: must be a known overtime rule set/);
      await admin.trpc.admin.settings.update.mutate({ workWeek: 'five_day' });
      expect((await employee.trpc.attendance.today.query()).settings.autoClockOutHour).toBe(22);
    });

    it('turns the settings of before into the first shift type, on a schedule of every day for everyone', async () => {
      const [regular] = await admin.trpc.admin.shifts.list.query();
      expect(regular).toMatchObject({
        name: 'Reguler',
        startTime: '08:00',
        endTime: '17:00',
        lateGraceMinutes: 15,
        breakMinutes: 60,
        autoClockOutAfterMinutes: 360,
      });
      const [everyDay] = await admin.trpc.admin.schedules.list.query();
      expect(everyDay).toMatchObject({
        kind: 'weekly',
        days: Array.from({ length: 7 }, () => regular!.id),
        assignments: [{ userId: null, department: null, validFrom: '2000-01-01', validTo: null }],
      });
    });
  });
});
