import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeForgottenShifts, rules, scheduleRules } from '@absensi/core';
import { errorOf, type TestClient } from '@absensi/api/testing';
import type { TestNode } from './node.js';
import { describeApi } from './fixture.js';

const ZONE = 'Asia/Jakarta';
const HOUR = 3_600_000;
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** A local time of a day in Jakarta, `days` from today's work date. */
const jakartaAt = (days: number, time: string) => {
  const today = rules.workDateOf(new Date(), ZONE);
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return rules.localInstant(day.toISOString().slice(0, 10), time, ZONE);
};

describeApi('time-record', (fixture) => {
  let node!: TestNode;
  let admin!: TestClient;
  beforeAll(() => {
    ({ node, admin } = fixture.started());
  });

  describe('one tap time: received − (sentAt − at)', () => {
    it('gives the server instant for a phone clock 20 minutes slow or 3 hours fast, sent at once', async () => {
      const { client } = await fixture.hire('Jam Lambat');
      for (const clockErrorMs of [-20 * MINUTE, 3 * HOUR]) {
        const before = Date.now();
        const phoneNow = Date.now() + clockErrorMs;
        const shift = await client.trpc.attendance.clockIn.mutate({
          idempotencyKey: randomUUID(),
          at: iso(phoneNow),
          sentAt: iso(phoneNow),
        });
        const after = Date.now();
        const effective = Date.parse(shift.clockInAt);
        expect(effective).toBeGreaterThanOrEqual(before);
        expect(effective).toBeLessThanOrEqual(after);
        expect(shift.clockInSource).toBe('online');
        expect(shift.clockInClientAt).toBe(iso(phoneNow));
        await client.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
      }
    });

    it('keeps the real instant of a tap held offline for hours on a phone whose clock is wrong', async () => {
      const { client } = await fixture.hire('Luring Lama');
      const clockErrorMs = 47 * MINUTE; // the phone runs fast
      const heldMs = 5 * HOUR;
      const sentAtPhone = Date.now() + clockErrorMs;
      const before = Date.now();
      const shift = await client.trpc.attendance.clockIn.mutate({
        idempotencyKey: randomUUID(),
        at: iso(sentAtPhone - heldMs),
        sentAt: iso(sentAtPhone),
      });
      const effective = Date.parse(shift.clockInAt);
      expect(effective).toBeGreaterThanOrEqual(before - heldMs);
      expect(effective).toBeLessThanOrEqual(Date.now() - heldMs);
      expect(shift.clockInSource).toBe('offline');
      expect(shift.workDate).toBe(rules.workDateOf(new Date(effective), ZONE));
      await client.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
    });

    it('refuses a sentAt before at, and a tap held more than 3 days', async () => {
      const { client } = await fixture.hire('Jam Aneh');
      const now = Date.now();
      expect(
        await errorOf(
          client.trpc.attendance.clockIn.mutate({
            idempotencyKey: randomUUID(),
            at: iso(now),
            sentAt: iso(now - 1_000),
          }),
        ),
      ).toMatchObject({ code: 'BAD_REQUEST', message: /sentAt/ });
      expect(
        await errorOf(
          client.trpc.attendance.clockIn.mutate({
            idempotencyKey: randomUUID(),
            at: iso(now - 73 * HOUR),
            sentAt: iso(now),
          }),
        ),
      ).toMatchObject({ code: 'BAD_REQUEST', message: /more than 3 days ago/ });
      expect((await client.trpc.attendance.today.query()).open).toBeNull();
    });

    it('counts a late arrival as late whatever the phone clock says', async () => {
      const { client } = await fixture.hire('Telat Tetap');
      // A shift that began (up to) two hours ago with no grace: the phone's clock, 20 minutes
      // slow, would have made the arrival 20 minutes less late.
      const running = await fixture.shiftRunningNow({ startedMinutesAgo: 120 });
      const phoneNow = Date.now() - 20 * MINUTE;
      const shift = await client.trpc.attendance.clockIn.mutate({
        idempotencyKey: randomUUID(),
        at: iso(phoneNow),
        sentAt: iso(phoneNow),
      });
      const start = rules.localInstant(shift.workDate, running.startTime, ZONE).getTime();
      const minutesLate = Math.floor((Date.parse(shift.clockInAt) - start) / MINUTE);
      expect(shift).toMatchObject({
        shiftTypeId: running.id,
        scheduledStart: new Date(start).toISOString(),
        lateMinutes: minutesLate > 0 ? minutesLate : 0,
        status: minutesLate > 0 ? 'late' : 'on_time',
      });
      await client.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
    });
  });

  describe('shifts that never contradict each other', () => {
    it('gives five simultaneous copies of one clock-in key, and of one clock-out key, the first answer', async () => {
      const { client, id } = await fixture.hire('Lima Kali');
      const inKey = randomUUID();
      const ins = await Promise.all(
        Array.from({ length: 5 }, () =>
          client.trpc.attendance.clockIn.mutate({ idempotencyKey: inKey }),
        ),
      );
      for (const answer of ins) expect(answer).toEqual(ins[0]);
      const outKey = randomUUID();
      const outs = await Promise.all(
        Array.from({ length: 5 }, () =>
          client.trpc.attendance.clockOut.mutate({ idempotencyKey: outKey }),
        ),
      );
      for (const answer of outs) expect(answer).toEqual(outs[0]);
      expect(outs[0]).toMatchObject({ id: ins[0]!.id, clockOutKind: 'manual' });
      const month = await admin.trpc.admin.attendance.list.query({
        from: ins[0]!.workDate,
        to: ins[0]!.workDate,
        userId: id,
      });
      expect(month.total).toBe(1);
    });

    it("applies yesterday's clock-out, synced after today's clock-in, to yesterday's shift", async () => {
      const { client, id } = await fixture.hire('Kemarin Sore');
      const yesterdayIn = jakartaAt(-1, '08:00').getTime();
      const yesterdayOut = jakartaAt(-1, '17:00').getTime();
      // Yesterday's clock-in reached the server; the phone kept the clock-out.
      const phoneClock = () => Date.now() + 9 * MINUTE; // and its clock runs 9 minutes fast
      const sentIn = phoneClock();
      const yesterday = await client.trpc.attendance.clockIn.mutate({
        idempotencyKey: randomUUID(),
        at: iso(yesterdayIn + 9 * MINUTE),
        sentAt: iso(sentIn),
      });
      expect(Math.abs(Date.parse(yesterday.clockInAt) - yesterdayIn)).toBeLessThan(5_000);
      // The night's auto clock-out closed it; today the employee clocked in again.
      const { deps } = node.node;
      expect(await closeForgottenShifts(deps)).toBeGreaterThanOrEqual(1);
      const today = await client.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
      // Now the phone finds the network and sends yesterday's clock-out.
      const sentOut = phoneClock();
      const late = await client.trpc.attendance.clockOut.mutate({
        idempotencyKey: randomUUID(),
        at: iso(yesterdayOut + 9 * MINUTE),
        sentAt: iso(sentOut),
      });
      expect(late.id).toBe(yesterday.id);
      expect(late.clockOutKind).toBe('manual');
      expect(Math.abs(Date.parse(late.clockOutAt!) - yesterdayOut)).toBeLessThan(5_000);
      expect(late.workedMinutes).toBe(
        Math.round((Date.parse(late.clockOutAt!) - Date.parse(late.clockInAt)) / MINUTE),
      );
      // Today's shift is still open, untouched.
      expect((await client.trpc.attendance.today.query()).open).toMatchObject({
        id: today.id,
        clockOutAt: null,
      });
      const audit = await admin.trpc.admin.attendance.audit.query({ id: yesterday.id });
      expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
        ['attendance.clock_out_replaces_auto', id],
      ]);
      expect((audit[0]!.before as { clockOutKind: string }).clockOutKind).toBe('auto');
      await client.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
    });

    it('never closes a shift that began after the tap, and keeps a clock-out from going before its clock-in', async () => {
      const { client } = await fixture.hire('Urutan Benar');
      const opened = await client.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
      const phoneNow = Date.now();
      const before = await errorOf(
        client.trpc.attendance.clockOut.mutate({
          idempotencyKey: randomUUID(),
          at: iso(phoneNow - 2 * HOUR),
          sentAt: iso(phoneNow),
        }),
      );
      expect(before).toMatchObject({ code: 'CONFLICT', message: /not clocked in/ });
      expect((await client.trpc.attendance.today.query()).open?.id).toBe(opened.id);
      // A clock-in synced from before the open shift, online, is that shift again.
      const again = await errorOf(
        client.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() }),
      );
      expect(again).toMatchObject({ code: 'CONFLICT', message: /already clocked in since/ });
      await client.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
    });

    it('closes a forgotten offline shift at the first auto clock-out hour after its real clock-in', async () => {
      const { client } = await fixture.hire('Lupa Pulang');
      const settings = await admin.trpc.admin.settings.get.query();
      // Tapped 40 hours ago, offline, synced now.
      const phoneNow = Date.now() - 13 * MINUTE;
      const shift = await client.trpc.attendance.clockIn.mutate({
        idempotencyKey: randomUUID(),
        at: iso(phoneNow - 40 * HOUR),
        sentAt: iso(phoneNow),
      });
      expect(await closeForgottenShifts(node.node.deps)).toBeGreaterThanOrEqual(1);
      const [closed] = (
        await admin.trpc.admin.attendance.list.query({
          from: shift.workDate,
          to: shift.workDate,
          userId: shift.userId,
        })
      ).items;
      const expected = rules.autoClockOutAt(
        new Date(shift.clockInAt),
        settings.timeZone,
        settings.autoClockOutHour,
      );
      expect(closed).toMatchObject({ clockOutKind: 'auto', clockOutAt: expected.toISOString() });
      expect(closed!.workedMinutes).toBeLessThanOrEqual(24 * 60);
    });
  });

  describe('corrections and shifts added by an admin', () => {
    it('adds a missing shift with a reason, marked as added, and refuses one that cannot stand', async () => {
      const { client, id } = await fixture.hire('Tanpa HP');
      const start = jakartaAt(-2, '08:00');
      const end = jakartaAt(-2, '17:00');
      const added = await admin.trpc.admin.attendance.add.mutate({
        userId: id,
        clockInAt: start.toISOString(),
        clockOutAt: end.toISOString(),
        reason: 'Phone broken; signed the paper list at the gate',
      });
      expect(added).toMatchObject({
        origin: 'admin',
        workDate: rules.workDateOf(start, ZONE),
        clockInAt: start.toISOString(),
        clockOutAt: end.toISOString(),
        workedMinutes: 9 * 60,
      });
      const audit = await admin.trpc.admin.attendance.audit.query({ id: added.id });
      expect(audit).toMatchObject([{ action: 'attendance.add', before: null }]);

      const refuse = async (clockInAt: Date, clockOutAt: Date) =>
        errorOf(
          admin.trpc.admin.attendance.add.mutate({
            userId: id,
            clockInAt: clockInAt.toISOString(),
            clockOutAt: clockOutAt.toISOString(),
            reason: 'trying what should not pass',
          }),
        );
      expect(await refuse(jakartaAt(-2, '16:00'), jakartaAt(-2, '20:00'))).toMatchObject({
        code: 'CONFLICT',
        message: /overlap/,
      });
      expect(await refuse(jakartaAt(-3, '06:00'), jakartaAt(-2, '07:00'))).toMatchObject({
        code: 'BAD_REQUEST',
        message: /24 hours/,
      });
      expect(await refuse(new Date(Date.now() - HOUR), new Date(Date.now() + HOUR))).toMatchObject({
        code: 'BAD_REQUEST',
        message: /clockOutAt: cannot be in the future/,
      });
      expect(
        await refuse(new Date('1999-12-31T01:00:00Z'), new Date('1999-12-31T09:00:00Z')),
      ).toMatchObject({ code: 'BAD_REQUEST', message: /2000/ });
      expect(
        await errorOf(
          admin.trpc.admin.attendance.add.mutate({
            userId: id,
            clockInAt: jakartaAt(-4, '08:00').toISOString(),
            clockOutAt: jakartaAt(-4, '17:00').toISOString(),
            reason: '',
          }),
        ),
      ).toMatchObject({ code: 'BAD_REQUEST', message: /reason/ });
      const history = await client.trpc.attendance.history.query({
        month: added.workDate.slice(0, 7),
      });
      expect(history.items.filter((item) => item.origin === 'admin')).toHaveLength(1);
    });

    it('refuses a correction into the future, past 24 hours or over another shift, and marks one that passes', async () => {
      const { client } = await fixture.hire('Koreksi Aku');
      const first = await client.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
      await client.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
      const second = await client.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
      const correct = (changes: { clockInAt?: string; clockOutAt?: string }) =>
        errorOf(
          admin.trpc.admin.attendance.correct.mutate({
            id: second.id,
            ...changes,
            reason: 'testing the limits',
          }),
        );
      expect(await correct({ clockOutAt: iso(Date.now() + HOUR) })).toMatchObject({
        code: 'BAD_REQUEST',
        message: 'clockOutAt: cannot be in the future',
      });
      expect(
        await correct({
          clockInAt: iso(Date.parse(second.clockInAt) - 25 * HOUR),
          clockOutAt: second.clockInAt,
        }),
      ).toMatchObject({ code: 'BAD_REQUEST', message: /24 hours/ });
      expect(await correct({ clockInAt: first.clockInAt })).toMatchObject({
        code: 'CONFLICT',
        message: /overlap/,
      });
      const fixed = await admin.trpc.admin.attendance.correct.mutate({
        id: second.id,
        clockInAt: iso(Date.parse(second.clockInAt) - 1),
        reason: 'a millisecond earlier, by the gate clock',
      });
      expect(fixed).toMatchObject({ corrected: true, origin: 'tap' });
      await client.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
    });
  });

  describe('deactivation', () => {
    it("closes the employee's open shift, marked and audited, and takes them out of present", async () => {
      const { client, id } = await fixture.hire('Keluar Kerja');
      const open = await client.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
      const presentBefore = (await admin.trpc.admin.dashboard.query()).counts.present;
      await admin.trpc.admin.users.deactivate.mutate({ id });
      const [closed] = (
        await admin.trpc.admin.attendance.list.query({
          from: open.workDate,
          to: open.workDate,
          userId: id,
        })
      ).items;
      expect(closed).toMatchObject({ id: open.id, clockOutKind: 'deactivation' });
      expect(Date.parse(closed!.clockOutAt!)).toBeGreaterThanOrEqual(Date.parse(open.clockInAt));
      const dashboard = await admin.trpc.admin.dashboard.query();
      expect(dashboard.counts.present).toBe(presentBefore - 1);
      expect(dashboard.present.some((person) => person.userId === id)).toBe(false);
      const audit = await admin.trpc.admin.attendance.audit.query({ id: open.id });
      expect(audit.map((entry) => entry.action)).toEqual(['attendance.close_on_deactivation']);
    });
  });

  describe('the dashboard counts people', () => {
    it('counts a person late twice as one late person, and a night shift begun yesterday as present', async () => {
      const settings = await admin.trpc.admin.settings.get.query();
      // Every clock-in today is late (a shift begun up to two hours ago, no grace), and the night
      // shift begun at 23:59 yesterday is not yet due for auto clock-out.
      await fixture.shiftRunningNow();
      const hourNow = Number(
        new Intl.DateTimeFormat('en-GB', {
          timeZone: ZONE,
          hour: '2-digit',
          hourCycle: 'h23',
        }).format(new Date()),
      );
      await admin.trpc.admin.settings.update.mutate({ autoClockOutHour: (hourNow + 2) % 24 });
      try {
        const before = (await admin.trpc.admin.dashboard.query()).counts;
        const { client } = await fixture.hire('Dua Kali Telat');
        for (let shift = 0; shift < 2; shift += 1) {
          await client.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
          await client.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
        }
        const night = await fixture.hire('Jaga Malam');
        // Off on the roster yesterday and today: the tap at 23:59 belongs to no scheduled shift
        // (not even today's, which opens four hours before its start), so it stays yesterday's.
        for (const days of [-1, 0])
          await admin.trpc.admin.schedules.setDay.mutate({
            userId: night.id,
            date: scheduleRules.nextDate(rules.workDateOf(new Date(), ZONE), days),
            shiftTypeId: null,
          });
        const phoneNow = Date.now();
        const startedAt = jakartaAt(-1, '23:59');
        const fromYesterday = await night.client.trpc.attendance.clockIn.mutate({
          idempotencyKey: randomUUID(),
          at: iso(startedAt.getTime() - Date.now() + phoneNow),
          sentAt: iso(phoneNow),
        });
        expect(fromYesterday.workDate).toBe(rules.workDateOf(startedAt, ZONE));
        const after = (await admin.trpc.admin.dashboard.query()).counts;
        expect(after.lateToday).toBe(before.lateToday + 1);
        expect(after.employees).toBe(before.employees + 2);
        expect(after.present).toBe(before.present + 1);
        expect(after.notYetIn).toBe(before.notYetIn);
        expect(after.clockedOut).toBe(before.clockedOut + 1);
        const dashboard = await admin.trpc.admin.dashboard.query();
        expect(dashboard.notYetIn.some((person) => person.userId === night.id)).toBe(false);
        expect(dashboard.present.find((person) => person.userId === night.id)?.since).toBe(
          fromYesterday.clockInAt,
        );
        // The live feed shows the tap at its own date and time, not at the sync.
        expect(
          dashboard.latest.find((event) => event.data.attendanceId === fromYesterday.id)?.data,
        ).toMatchObject({ clockInAt: fromYesterday.clockInAt, workDate: fromYesterday.workDate });
      } finally {
        await admin.trpc.admin.settings.update.mutate({
          autoClockOutHour: settings.autoClockOutHour,
        });
      }
    });
  });

  describe('search', () => {
    it('takes _ and % typed into a search literally', async () => {
      await fixture.hire('Ani_Rahma');
      await fixture.hire('Anis Rahma');
      await fixture.hire('Diskon 100% Budi');
      await fixture.hire('Diskon 1000 Budi');
      const names = async (search: string) =>
        (await admin.trpc.admin.users.list.query({ search })).items.map((user) => user.name);
      expect(await names('Ani_')).toEqual(['Ani_Rahma']);
      expect(await names('100%')).toEqual(['Diskon 100% Budi']);
      expect(await names('Rahma')).toEqual(['Ani_Rahma', 'Anis Rahma']);
      expect(await names('!')).toEqual([]);
    });
  });
});
