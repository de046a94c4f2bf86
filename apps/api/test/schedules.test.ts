import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules, scheduleRules } from '@absensi/core';
import { errorOf, type TestClient } from '@absensi/api/testing';
import { describeApi } from './fixture.js';

const ZONE = 'Asia/Jakarta';
const today = () => rules.workDateOf(new Date(), ZONE);
/** The Monday of the week holding `date`. */
const mondayOf = (date: string) => {
  const weekday = (Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000) + 3) % 7;
  return scheduleRules.nextDate(date, -weekday);
};

describeApi('schedules', (fixture) => {
  let admin!: TestClient;
  beforeAll(() => {
    ({ admin } = fixture.started());
  });

  const shiftTypes = async () => {
    const existing = await admin.trpc.admin.shifts.list.query();
    const byCode = (code: string) => existing.find((type) => type.code === code);
    const make = async (code: string, name: string, startTime: string, endTime: string) =>
      byCode(code) ??
      (await admin.trpc.admin.shifts.create.mutate({
        name,
        code,
        startTime,
        endTime,
        lateGraceMinutes: 10,
        earlyLeaveGraceMinutes: 5,
        breakMinutes: 30,
        autoClockOutAfterMinutes: 120,
        color: '#884400',
      }));
    return {
      morning: await make('P', 'Pagi', '07:00', '15:00'),
      night: await make('M', 'Malam', '22:00', '06:00'),
    };
  };

  describe('shift types', () => {
    it('adds, changes and retires a shift type; an end before the start crosses midnight', async () => {
      const { night } = await shiftTypes();
      expect(night).toMatchObject({ crossesMidnight: true, active: true, breakMinutes: 30 });
      const changed = await admin.trpc.admin.shifts.update.mutate({
        id: night.id,
        lateGraceMinutes: 15,
      });
      expect(changed).toMatchObject({ lateGraceMinutes: 15, startTime: '22:00' });
      expect(
        await errorOf(admin.trpc.admin.shifts.update.mutate({ id: night.id, breakMinutes: 480 })),
      ).toMatchObject({ code: 'BAD_REQUEST', message: /breakMinutes: must be shorter/ });
      expect(
        await errorOf(admin.trpc.admin.shifts.update.mutate({ id: 999_999, name: 'Ghost' })),
      ).toMatchObject({ code: 'NOT_FOUND' });
      await admin.trpc.admin.shifts.update.mutate({ id: night.id, lateGraceMinutes: 10 });
    });

    it('refuses a code another shift type in use has, and a retired type for new plans', async () => {
      const { morning } = await shiftTypes();
      const twin = await errorOf(
        admin.trpc.admin.shifts.create.mutate({
          name: 'Pagi kedua',
          code: 'p',
          startTime: '06:00',
          endTime: '14:00',
        }),
      );
      expect(twin).toMatchObject({
        code: 'CONFLICT',
        reason: 'SHIFT_TYPE_CODE_TAKEN',
        params: { code: 'P' },
      });
      const old = await admin.trpc.admin.shifts.create.mutate({
        name: 'Siang lama',
        code: 'SL',
        startTime: '12:00',
        endTime: '20:00',
      });
      await admin.trpc.admin.shifts.update.mutate({ id: old.id, active: false });
      // Its code is free again once it is retired.
      const successor = await admin.trpc.admin.shifts.create.mutate({
        name: 'Siang',
        code: 'SL',
        startTime: '12:00',
        endTime: '20:00',
      });
      expect(successor.code).toBe('SL');
      const retiredWeek = await errorOf(
        admin.trpc.admin.schedules.create.mutate({
          name: 'Minggu lama',
          kind: 'weekly',
          days: [old.id, morning.id, null, null, null, null, null],
        }),
      );
      expect(retiredWeek).toMatchObject({ code: 'BAD_REQUEST', reason: 'SHIFT_TYPE_RETIRED' });
      const person = await fixture.hire('Retno Wulandari', 'Arsip');
      const retiredDay = await errorOf(
        admin.trpc.admin.schedules.setDay.mutate({
          userId: person.id,
          date: '2026-01-05',
          shiftTypeId: old.id,
        }),
      );
      expect(retiredDay).toMatchObject({ code: 'BAD_REQUEST', reason: 'SHIFT_TYPE_RETIRED' });
    });
  });

  describe('rotating rosters', () => {
    it("plans a department's two mornings, two nights and two off, with a day changed on the roster", async () => {
      const { morning, night } = await shiftTypes();
      const guard = await fixture.hire('Satpam Rotasi', 'Keamanan');
      const monday = mondayOf(today());
      const schedule = await admin.trpc.admin.schedules.create.mutate({
        name: 'Satpam 2-2-2',
        kind: 'rotating',
        anchorDate: monday,
        days: [morning.id, morning.id, night.id, night.id, null, null],
      });
      await admin.trpc.admin.schedules.assign.mutate({
        scheduleId: schedule.id,
        department: 'Keamanan',
        validFrom: scheduleRules.nextDate(monday, -30),
      });
      const codes = async () => {
        const grid = await admin.trpc.admin.schedules.roster.query({
          from: monday,
          days: 7,
          department: 'Keamanan',
        });
        const row = grid.items.find((item) => item.userId === guard.id)!;
        const codeOf = new Map(grid.shiftTypes.map((type) => [type.id, type.code]));
        return row.cells.map((cell) =>
          cell.kind === 'work'
            ? `${codeOf.get(cell.shiftTypeId!)}${cell.source === 'override' ? '*' : ''}`
            : cell.kind,
        );
      };
      expect(await codes()).toEqual(['P', 'P', 'M', 'M', 'off', 'off', 'P']);
      await admin.trpc.admin.schedules.setDay.mutate({
        userId: guard.id,
        date: scheduleRules.nextDate(monday, 4),
        shiftTypeId: morning.id,
        note: 'covering for Budi',
      });
      await admin.trpc.admin.schedules.setDay.mutate({
        userId: guard.id,
        date: monday,
        shiftTypeId: null,
      });
      expect(await codes()).toEqual(['off', 'P', 'M', 'M', 'P*', 'off', 'P']);
      await admin.trpc.admin.schedules.setDay.mutate({
        userId: guard.id,
        date: monday,
        shiftTypeId: null,
        clear: true,
      });
      expect((await codes())[0]).toBe('P');

      // The guard sees their own next seven days.
      const mine = await guard.client.trpc.attendance.schedule.query();
      expect(mine.days).toHaveLength(7);
      expect(mine.days[0]!.date).toBe(today());
      const work = mine.days.find((day) => day.kind === 'work');
      expect(work?.start).toBe(
        rules
          .localInstant(work!.date, work!.shiftTypeId === night.id ? '22:00' : '07:00', ZONE)
          .toISOString(),
      );
    });

    it('refuses a weekly schedule without seven days, a rotation without its start, unknown shift types', async () => {
      const cases = [
        { name: 'Short', kind: 'weekly' as const, days: [1, 1, 1] },
        { name: 'No anchor', kind: 'rotating' as const, days: [1, null] },
        { name: 'Unknown', kind: 'weekly' as const, days: [999_999, 1, 1, 1, 1, null, null] },
      ];
      for (const input of cases)
        expect(await errorOf(admin.trpc.admin.schedules.create.mutate(input))).toMatchObject({
          code: 'BAD_REQUEST',
        });
    });
  });

  describe('clock-ins against the schedule', () => {
    it('takes a night shift from 21:55 to 06:05 the next morning as neither late nor early nor auto-closed', async () => {
      const { night } = await shiftTypes();
      const worker = await fixture.hire('Jaga Malam Tetap', 'Malam');
      const date = scheduleRules.nextDate(today(), -2);
      const everyNight = await admin.trpc.admin.schedules.create.mutate({
        name: 'Every night',
        kind: 'weekly',
        days: Array.from({ length: 7 }, () => night.id),
      });
      await admin.trpc.admin.schedules.assign.mutate({
        scheduleId: everyNight.id,
        userId: worker.id,
        validFrom: scheduleRules.nextDate(date, -7),
      });
      // Both taps kept on the phone and sent now, with a phone clock 3 minutes fast.
      const tap = async (action: 'clockIn' | 'clockOut', local: string) => {
        const phoneNow = Date.now() + 3 * 60_000;
        const tapped = rules.localInstant(local.slice(0, 10), local.slice(11), ZONE).getTime();
        return worker.client.trpc.attendance[action].mutate({
          idempotencyKey: randomUUID(),
          at: new Date(tapped + 3 * 60_000).toISOString(),
          sentAt: new Date(phoneNow).toISOString(),
        });
      };
      const clockIn = await tap('clockIn', `${date}T21:55`);
      expect(clockIn).toMatchObject({
        workDate: date,
        status: 'on_time',
        lateMinutes: 0,
        shiftTypeId: night.id,
        scheduledStart: rules.localInstant(date, '22:00', ZONE).toISOString(),
        scheduledEnd: rules
          .localInstant(scheduleRules.nextDate(date, 1), '06:00', ZONE)
          .toISOString(),
        autoClockOutAt: rules
          .localInstant(scheduleRules.nextDate(date, 1), '08:00', ZONE)
          .toISOString(),
      });
      const clockOut = await tap('clockOut', `${scheduleRules.nextDate(date, 1)}T06:05`);
      expect(clockOut).toMatchObject({
        id: clockIn.id,
        clockOutKind: 'manual',
        earlyLeaveMinutes: 0,
        workDate: date,
      });
      expect(Math.abs(clockOut.workedMinutes! - 490)).toBeLessThanOrEqual(1);

      // A night an admin adds for them is read against the same schedule.
      const earlier = scheduleRules.nextDate(date, -1);
      const added = await admin.trpc.admin.attendance.add.mutate({
        userId: worker.id,
        clockInAt: rules.localInstant(earlier, '22:20', ZONE).toISOString(),
        clockOutAt: rules.localInstant(date, '05:00', ZONE).toISOString(),
        reason: 'Signed the paper list at the gate',
      });
      expect(added).toMatchObject({
        workDate: earlier,
        shiftTypeId: night.id,
        status: 'late',
        lateMinutes: 20,
        earlyLeaveMinutes: 60,
        origin: 'admin',
      });
    });

    it('counts an early leave beyond the grace, and a clock-in on a day off as unscheduled', async () => {
      const { morning } = await shiftTypes();
      const worker = await fixture.hire('Pulang Cepat', 'Pagi');
      const date = scheduleRules.nextDate(today(), -2);
      await admin.trpc.admin.schedules.setDay.mutate({
        userId: worker.id,
        date,
        shiftTypeId: morning.id,
      });
      await admin.trpc.admin.schedules.setDay.mutate({
        userId: worker.id,
        date: scheduleRules.nextDate(date, 1),
        shiftTypeId: null,
      });
      const tap = (action: 'clockIn' | 'clockOut', day: string, time: string) => {
        const tapped = rules.localInstant(day, time, ZONE).getTime();
        const phoneNow = Date.now();
        return worker.client.trpc.attendance[action].mutate({
          idempotencyKey: randomUUID(),
          at: new Date(tapped).toISOString(),
          sentAt: new Date(phoneNow).toISOString(),
        });
      };
      await tap('clockIn', date, '07:11');
      const left = await tap('clockOut', date, '14:30');
      expect(left).toMatchObject({ status: 'late', lateMinutes: 11 });
      // Sent a few milliseconds after its effective time was fixed: 29 whole minutes and change.
      expect(left.earlyLeaveMinutes).toBeGreaterThanOrEqual(29);
      expect(left.earlyLeaveMinutes).toBeLessThanOrEqual(30);
      const offDay = await tap('clockIn', scheduleRules.nextDate(date, 1), '09:00');
      expect(offDay).toMatchObject({ status: 'unscheduled', lateMinutes: 0, shiftTypeId: null });
      await tap('clockOut', scheduleRules.nextDate(date, 1), '10:00');
    });
  });

  describe('managers', () => {
    it("see and plan their own departments' people, and nothing else", async () => {
      const { morning } = await shiftTypes();
      const mine = await fixture.hire('Anak Buah', 'Gudang');
      const other = await fixture.hire('Bukan Anak Buah', 'Kantor');
      const manager = await fixture.hire('Mandor', 'Gudang');
      await admin.trpc.admin.users.update.mutate({ id: manager.id, role: 'manager' });
      await admin.trpc.admin.users.setScopes.mutate({
        userId: manager.id,
        departments: ['Gudang'],
      });
      expect(await admin.trpc.admin.users.scopes.query({ userId: manager.id })).toEqual({
        departments: ['Gudang'],
        siteIds: [],
      });
      // A role change ends the sessions begun before it: the manager signs in again.
      expect((await errorOf(manager.client.trpc.auth.me.query())).code).toBe('UNAUTHORIZED');
      const { client } = manager;
      await client.trpc.auth.login.mutate({ email: manager.email, password: manager.password });
      const grid = await client.trpc.admin.schedules.roster.query({ from: today(), days: 1 });
      expect(grid.items.map((row) => row.userId)).toContain(mine.id);
      expect(grid.items.map((row) => row.userId)).not.toContain(other.id);
      expect(
        await errorOf(
          client.trpc.admin.schedules.roster.query({
            from: today(),
            days: 1,
            department: 'Kantor',
          }),
        ),
      ).toMatchObject({ code: 'FORBIDDEN' });
      await client.trpc.admin.schedules.setDay.mutate({
        userId: mine.id,
        date: today(),
        shiftTypeId: morning.id,
      });
      expect(
        await errorOf(
          client.trpc.admin.schedules.setDay.mutate({
            userId: other.id,
            date: today(),
            shiftTypeId: morning.id,
          }),
        ),
      ).toMatchObject({ code: 'FORBIDDEN' });
      await other.client.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
      const dashboard = await client.trpc.admin.dashboard.query();
      expect(dashboard.present.some((person) => person.userId === other.id)).toBe(false);
      // Their department's people: the employee and the manager themself (managers clock in too).
      expect(dashboard.counts.employees).toBe(2);
      const list = await client.trpc.admin.attendance.list.query({ from: today(), to: today() });
      expect(list.items.every((item) => item.user.department === 'Gudang')).toBe(true);
      expect(await client.trpc.admin.users.departments.query()).toEqual(['Gudang']);
      const recap = await client.trpc.admin.recap.month.query({ month: today().slice(0, 7) });
      expect(recap.people.map((person) => person.department)).toEqual(
        recap.people.map(() => 'Gudang'),
      );
      expect(recap.people.map((person) => person.userId)).toContain(mine.id);
      expect(
        (
          await errorOf(
            client.trpc.admin.recap.month.query({ month: '2026-01', department: 'Kantor' }),
          )
        ).code,
      ).toBe('FORBIDDEN');
      const [permit] = (await other.client.trpc.requests.leaveTypes.query()).filter(
        (type) => type.code === 'IZIN',
      );
      const othersRequest = await other.client.trpc.requests.file.mutate({
        kind: 'overtime',
        date: today(),
        reason: 'Lembur kantor',
      });
      expect(
        (await client.trpc.admin.requests.list.query({})).items.map((item) => item.userId),
      ).not.toContain(other.id);
      expect(
        (
          await errorOf(
            client.trpc.admin.requests.decide.mutate({ id: othersRequest.id, decision: 'approve' }),
          )
        ).code,
      ).toBe('NOT_FOUND');
      expect(permit).toBeDefined();
      for (const call of [
        () => client.trpc.admin.users.list.query({}),
        () =>
          client.trpc.admin.shifts.create.mutate({
            name: 'X',
            code: 'X',
            startTime: '01:00',
            endTime: '02:00',
          }),
        () =>
          client.trpc.admin.attendance.correct.mutate({
            id: 1,
            status: 'on_time',
            reason: 'not mine to do',
          }),
      ])
        expect((await errorOf(call())).code).toBe('FORBIDDEN');
      await other.client.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
    });
  });
});
