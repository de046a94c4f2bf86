import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { errorOf, type TestClient } from '@absensi/api/testing';
import { describeApi } from './fixture.js';

/** A 1×1 PNG: the photo of a doctor's note, as far as the server can tell. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
).toString('base64');

/** An instant in Jakarta (WIB, UTC+7) as ISO. */
const wib = (date: string, time: string) => `${date}T${time}:00+07:00`;

/**
 * The hand-computed recap of Rina in March 2025: Monday–Friday 08:00–17:00 (grace 15, unpaid
 * break 60, overtime threshold 30, rounding 15), 31 March a national holiday (Idul Fitri).
 *  3 Mar H 08:00–17:00                       480 worked
 *  4 Mar T 08:30–17:00 (30 min late)        450
 *  5 Mar PC 08:00–16:00 (60 min early)      420
 *  6 Mar S sick leave, approved
 *  7 Mar A
 *  8 Mar (Sat) K 09:00–13:00, overtime ordered: 240 min, rest day 5-day week 4 h × 2 = 8
 * 10 Mar H 08:00–19:00, overtime claimed 120 min and approved: 1 × 1.5 + 1 × 2 = 3.5   600
 * 11 Mar H 12:30–17:00 with a first-half annual leave (expected at mid-shift, 12:30)  210
 * 12–28 Mar: 13 weekdays absent; weekends off (9); 31 Mar L.
 */
const MARCH_CODES: Record<string, string> = {
  '2025-03-03': 'H',
  '2025-03-04': 'T',
  '2025-03-05': 'PC',
  '2025-03-06': 'S',
  '2025-03-07': 'A',
  '2025-03-08': 'K',
  '2025-03-10': 'H',
  '2025-03-11': 'H',
  '2025-03-31': 'L',
};
const EXPECTED_TOTALS = {
  scheduledDays: 20,
  presentDays: 5,
  lateDays: 1,
  lateMinutes: 30,
  earlyLeaveDays: 1,
  earlyLeaveMinutes: 60,
  absentDays: 14,
  leaveDays: { annual: 0.5, sick: 1, permit: 0, business_travel: 0, other: 0 },
  holidayDays: 1,
  offDays: 9,
  unscheduledWorkDays: 1,
  workedMinutes: 480 + 450 + 420 + 240 + 600 + 210,
  overtimeMinutes: 360,
  overtimeWeightedHours: 11.5,
  overtimeOverLimitDays: 0,
};
const expectedCode = (date: string) => {
  if (MARCH_CODES[date]) return MARCH_CODES[date];
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? 'O' : 'A';
};

describeApi('requests and the recap', (fixture) => {
  let admin!: TestClient;
  let rina!: Awaited<ReturnType<typeof fixture.hire>>;
  let leaveTypes!: { id: number; code: string }[];
  const typeId = (code: string) => leaveTypes.find((type) => type.code === code)!.id;

  beforeAll(async () => {
    ({ admin } = fixture.started());
    rina = await fixture.hire('Rina Kartika', 'Rekap');
    // Hired long before the month the recap is computed for (a new account is hired today).
    await admin.trpc.admin.users.update.mutate({ id: rina.id, hiredOn: '2025-01-01' });
    const office = await admin.trpc.admin.shifts.create.mutate({
      name: 'Kantor',
      code: 'K1',
      startTime: '08:00',
      endTime: '17:00',
      lateGraceMinutes: 15,
      breakMinutes: 60,
      overtimeMinimumMinutes: 30,
      overtimeRoundingMinutes: 15,
    });
    const weekdays = await admin.trpc.admin.schedules.create.mutate({
      name: 'Senin–Jumat',
      kind: 'weekly',
      days: [office.id, office.id, office.id, office.id, office.id, null, null],
    });
    await admin.trpc.admin.schedules.assign.mutate({
      scheduleId: weekdays.id,
      userId: rina.id,
      validFrom: '2025-03-01',
    });
    await admin.trpc.admin.holidays.create.mutate({
      date: '2025-03-31',
      name: 'Hari Raya Idul Fitri',
      kind: 'national',
      siteId: null,
    });
    leaveTypes = await rina.client.trpc.requests.leaveTypes.query();
  });

  describe('filing and deciding', () => {
    it('files sick leave with a photo, the admin approves it, and the employee is told', async () => {
      const filed = await rina.client.trpc.requests.file.mutate({
        kind: 'leave',
        leaveTypeId: typeId('SAKIT'),
        startDate: '2025-03-06',
        endDate: '2025-03-06',
        reason: 'Demam, surat dokter terlampir',
        attachment: { contentType: 'image/png', base64: PNG },
        clientKey: randomUUID(),
      });
      expect(filed).toMatchObject({ state: 'pending', kind: 'leave', leaveDays: 1 });
      expect(filed.attachments).toHaveLength(1);
      const pending = await admin.trpc.admin.requests.list.query({ state: 'pending' });
      expect(pending.items.map((item) => item.id)).toContain(filed.id);
      const photo = await admin.trpc.requests.attachment.query({ id: filed.attachments[0]!.id });
      expect(photo).toEqual({ contentType: 'image/png', base64: PNG });

      const decided = await admin.trpc.admin.requests.decide.mutate({
        id: filed.id,
        decision: 'approve',
        note: 'Semoga lekas sembuh',
      });
      expect(decided).toMatchObject({ state: 'approved', decisionNote: 'Semoga lekas sembuh' });
      const notes = await rina.client.trpc.notifications.list.query();
      expect(notes.unread).toBeGreaterThanOrEqual(1);
      expect(notes.items[0]).toMatchObject({
        kind: 'request_decided',
        read: false,
        details: { requestId: filed.id, state: 'approved', by: expect.any(String) },
      });
      const again = await errorOf(
        admin.trpc.admin.requests.decide.mutate({ id: filed.id, decision: 'decline' }),
      );
      expect(again.code).toBe('CONFLICT');
    });

    it('files a request once for one client key, and refuses a photo that is not one', async () => {
      const clientKey = randomUUID();
      const ask = () =>
        rina.client.trpc.requests.file.mutate({
          kind: 'overtime',
          date: '2025-03-10',
          minutes: 120,
          reason: 'Stok opname',
          clientKey,
        });
      const [first, second] = await Promise.all([ask(), ask()]);
      expect(second.id).toBe(first.id);
      await admin.trpc.admin.requests.decide.mutate({ id: first.id, decision: 'approve' });
      const before = await fixture.rowCounts();
      const twice = await errorOf(
        rina.client.trpc.requests.file.mutate({
          kind: 'overtime',
          date: '2025-03-10',
          minutes: 60,
          reason: 'Stok opname lagi',
        }),
      );
      expect(twice).toMatchObject({
        code: 'CONFLICT',
        httpStatus: 409,
        reason: 'OVERTIME_ALREADY_APPROVED',
        params: { date: '2025-03-10' },
      });
      expect(twice.message).toMatch(/overtime on 2025-03-10 is already approved for you/);
      expect(await fixture.rowCounts()).toEqual(before);
      const reused = await errorOf(
        rina.client.trpc.requests.file.mutate({
          kind: 'overtime',
          date: '2025-03-11',
          minutes: 30,
          reason: 'Another day, the same key',
          clientKey,
        }),
      );
      expect(reused.code).toBe('CONFLICT');
      expect(reused.message).toMatch(/this key was used for another request/);

      const fake = await errorOf(
        rina.client.trpc.requests.file.mutate({
          kind: 'leave',
          leaveTypeId: typeId('SAKIT'),
          startDate: '2025-03-12',
          endDate: '2025-03-12',
          reason: 'x',
          attachment: {
            contentType: 'image/png',
            base64: Buffer.from('<script>').toString('base64'),
          },
        }),
      );
      expect(fake.code).toBe('BAD_REQUEST');
      expect(fake.message).toMatch(/attachment: must be a JPEG, PNG or WebP photo/);
    });

    it('takes one overtime claim per date, even when two are sent at once, and another once it is cancelled', async () => {
      const claim = (minutes: number) =>
        rina.client.trpc.requests.file.mutate({
          kind: 'overtime',
          date: '2025-03-12',
          minutes,
          reason: 'Inventaris gudang',
          clientKey: randomUUID(),
        });
      const settled = await Promise.allSettled([claim(60), claim(90)]);
      const taken = settled.flatMap((result) =>
        result.status === 'fulfilled' ? [result.value] : [],
      );
      expect(taken).toHaveLength(1);
      const [refused] = settled.flatMap((result) =>
        result.status === 'rejected' ? [result.reason as Error] : [],
      );
      const refusal = await errorOf(Promise.reject(refused!));
      expect(refusal).toMatchObject({
        code: 'CONFLICT',
        reason: 'OVERTIME_ALREADY_CLAIMED',
        params: { date: '2025-03-12' },
      });
      const mine = await rina.client.trpc.requests.mine.query({ state: 'pending' });
      expect(
        mine.items.filter((item) => item.kind === 'overtime' && item.startDate === '2025-03-12'),
      ).toHaveLength(1);

      const again = await errorOf(claim(30));
      expect(again).toMatchObject({ code: 'CONFLICT', reason: 'OVERTIME_ALREADY_CLAIMED' });
      expect(again.message).toMatch(/you already claimed overtime on 2025-03-12/);

      await rina.client.trpc.requests.cancel.mutate({ id: taken[0]!.id });
      const refiled = await claim(45);
      expect(refiled).toMatchObject({
        state: 'pending',
        kind: 'overtime',
        startDate: '2025-03-12',
      });
      await rina.client.trpc.requests.cancel.mutate({ id: refiled.id });
    });

    it('cancels a pending request, and refuses to cancel or decide it afterwards', async () => {
      const filed = await rina.client.trpc.requests.file.mutate({
        kind: 'leave',
        leaveTypeId: typeId('IZIN'),
        startDate: '2025-03-13',
        endDate: '2025-03-13',
        reason: 'Urusan keluarga',
      });
      const cancelled = await rina.client.trpc.requests.cancel.mutate({ id: filed.id });
      expect(cancelled.state).toBe('cancelled');
      expect((await errorOf(rina.client.trpc.requests.cancel.mutate({ id: filed.id }))).code).toBe(
        'CONFLICT',
      );
      const declined = await rina.client.trpc.requests.file.mutate({
        kind: 'leave',
        leaveTypeId: typeId('IZIN'),
        startDate: '2025-03-14',
        endDate: '2025-03-14',
        reason: 'Urusan keluarga',
      });
      expect(
        await admin.trpc.admin.requests.decide.mutate({ id: declined.id, decision: 'decline' }),
      ).toMatchObject({ state: 'declined' });
    });

    it('takes half a day of annual leave from the balance and refuses a leave beyond it', async () => {
      const half = await rina.client.trpc.requests.file.mutate({
        kind: 'leave',
        leaveTypeId: typeId('CUTI'),
        startDate: '2025-03-11',
        endDate: '2025-03-11',
        part: 'first_half',
        reason: 'Ke bank',
      });
      expect(half.leaveDays).toBe(0.5);
      await admin.trpc.admin.requests.decide.mutate({ id: half.id, decision: 'approve' });
      const [balance] = await rina.client.trpc.requests.balances.query({ year: 2025 });
      expect(balance).toMatchObject({
        code: 'CUTI',
        allowanceDays: 12,
        usedDays: 0.5,
        remainingDays: 11.5,
      });

      const before = await admin.trpc.admin.requests.list.query({});
      const tooLong = await errorOf(
        rina.client.trpc.requests.file.mutate({
          kind: 'leave',
          leaveTypeId: typeId('CUTI'),
          startDate: '2025-04-01',
          endDate: '2025-04-30',
          reason: 'Mudik',
        }),
      );
      expect(tooLong.code).toBe('BAD_REQUEST');
      expect(tooLong.message).toMatch(/takes 22 working days of 2025; 11.5 of the 12 days/);
      expect((await admin.trpc.admin.requests.list.query({})).items).toHaveLength(
        before.items.length,
      );
    });

    it('refuses a correction that could never be applied when it is filed', async () => {
      for (const [clockInAt, clockOutAt, message] of [
        [wib('2025-03-03', '17:00'), wib('2025-03-03', '08:00'), /clockOutAt: must be after/],
        [wib('2025-03-03', '08:00'), wib('2025-03-04', '09:00'), /more than 24 hours/],
        [
          wib('2025-03-05', '08:00'),
          wib('2025-03-05', '17:00'),
          /falls on 2025-03-05, not on 2025-03-03/,
        ],
      ] as const) {
        const refused = await errorOf(
          rina.client.trpc.requests.file.mutate({
            kind: 'correction',
            date: '2025-03-03',
            clockInAt,
            clockOutAt,
            reason: 'salah ketik',
          }),
        );
        expect(refused.message).toMatch(message);
      }
    });

    it('applies an approved correction: a missing shift is added and the day turns from absent to present', async () => {
      const monthBefore = await rina.client.trpc.attendance.month.query({ month: '2025-03' });
      expect(monthBefore?.codes[2]).toBe('A'); // 3 March, nothing recorded yet
      const filed = await rina.client.trpc.requests.file.mutate({
        kind: 'correction',
        date: '2025-03-03',
        clockInAt: wib('2025-03-03', '08:00'),
        clockOutAt: wib('2025-03-03', '17:00'),
        reason: 'HP tertinggal di rumah',
      });
      const approved = await admin.trpc.admin.requests.decide.mutate({
        id: filed.id,
        decision: 'approve',
      });
      expect(approved.attendanceId).toEqual(expect.any(Number));
      const monthAfter = await rina.client.trpc.attendance.month.query({ month: '2025-03' });
      expect(monthAfter?.codes[2]).toBe('H');
    });
  });

  describe('leave across a year, holidays added later, half days', () => {
    it('takes from each year its own dates, gives a day back for a holiday added after approval, and counts half a day not worked as half leave, half absent', async () => {
      const dewi = await fixture.hire('Dewi Lestari', 'Tahunan');
      await admin.trpc.admin.users.update.mutate({ id: dewi.id, hiredOn: '2025-01-01' });
      const shift = await admin.trpc.admin.shifts.create.mutate({
        name: 'Kantor Tahunan',
        code: 'KT',
        startTime: '08:00',
        endTime: '17:00',
      });
      const weekdays = await admin.trpc.admin.schedules.create.mutate({
        name: 'Senin–Jumat (Tahunan)',
        kind: 'weekly',
        days: [shift.id, shift.id, shift.id, shift.id, shift.id, null, null],
      });
      await admin.trpc.admin.schedules.assign.mutate({
        scheduleId: weekdays.id,
        userId: dewi.id,
        validFrom: '2025-12-01',
      });
      const yearEnd = await dewi.client.trpc.requests.file.mutate({
        kind: 'leave',
        leaveTypeId: typeId('CUTI'),
        startDate: '2025-12-29',
        endDate: '2026-01-02',
        reason: 'Liburan akhir tahun',
      });
      expect(yearEnd.leaveDays).toBe(5);
      await admin.trpc.admin.requests.decide.mutate({ id: yearEnd.id, decision: 'approve' });
      const used = async (year: number) =>
        (await dewi.client.trpc.requests.balances.query({ year })).find(
          (balance) => balance.code === 'CUTI',
        )?.usedDays;
      expect([await used(2025), await used(2026)]).toEqual([3, 2]);

      await admin.trpc.admin.holidays.create.mutate({
        date: '2026-01-01',
        name: 'Tahun Baru Masehi',
        kind: 'national',
        siteId: null,
      });
      expect([await used(2025), await used(2026)]).toEqual([3, 1]);

      const afternoon = await dewi.client.trpc.requests.file.mutate({
        kind: 'leave',
        leaveTypeId: typeId('CUTI'),
        startDate: '2025-12-15',
        endDate: '2025-12-15',
        part: 'second_half',
        reason: 'Ke dokter gigi',
      });
      await admin.trpc.admin.requests.decide.mutate({ id: afternoon.id, decision: 'approve' });
      const december = await dewi.client.trpc.attendance.month.query({ month: '2025-12' });
      expect(december?.codes[14]).toBe('A'); // 15 December: the morning neither worked nor on leave
      // 23 weekdays: 29–31 on leave, the 15th half leave, half absent, the other 19 absent.
      expect(december?.totals).toMatchObject({
        scheduledDays: 23,
        absentDays: 19.5,
        leaveDays: { annual: 3.5, sick: 0, permit: 0, business_travel: 0, other: 0 },
      });
      expect(await used(2025)).toBe(3.5);

      // Worked after all on a day of approved leave: the day counts as worked, not as leave.
      await admin.trpc.admin.attendance.add.mutate({
        userId: dewi.id,
        clockInAt: wib('2025-12-30', '08:00'),
        clockOutAt: wib('2025-12-30', '17:00'),
        reason: 'Dipanggil masuk saat cuti',
      });
      expect(await used(2025)).toBe(2.5);
      // And a whole day of leave is not filed for a day already worked.
      await admin.trpc.admin.attendance.add.mutate({
        userId: dewi.id,
        clockInAt: wib('2025-12-17', '08:00'),
        clockOutAt: wib('2025-12-17', '17:00'),
        reason: 'rekap test',
      });
      const worked = await errorOf(
        dewi.client.trpc.requests.file.mutate({
          kind: 'leave',
          leaveTypeId: typeId('CUTI'),
          startDate: '2025-12-16',
          endDate: '2025-12-17',
          reason: 'Lupa sudah masuk',
        }),
      );
      expect(worked).toMatchObject({
        code: 'CONFLICT',
        reason: 'LEAVE_ON_WORKED_DAY',
        params: { date: '2025-12-17' },
      });
    }, 120_000);

    it('refuses a list whose end is before its start', async () => {
      const refused = await errorOf(
        admin.trpc.admin.requests.list.query({ from: '2025-03-31', to: '2025-03-01' }),
      );
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.message).toMatch(/to: must not be before from/);
    });
  });

  describe('the month', () => {
    it('equals the hand-computed recap, on screen and for the employee', async () => {
      const add = (date: string, from: string, to: string) =>
        admin.trpc.admin.attendance.add.mutate({
          userId: rina.id,
          clockInAt: wib(date, from),
          clockOutAt: wib(date, to),
          reason: 'rekap test',
        });
      await add('2025-03-04', '08:30', '17:00');
      await add('2025-03-05', '08:00', '16:00');
      await add('2025-03-08', '09:00', '13:00');
      await add('2025-03-10', '08:00', '19:00');
      await add('2025-03-11', '12:30', '17:00');
      await admin.trpc.admin.requests.orderOvertime.mutate({
        userId: rina.id,
        date: '2025-03-08',
        note: 'Stok opname akhir pekan',
      });

      const recap = await admin.trpc.admin.recap.month.query({
        month: '2025-03',
        department: 'Rekap',
      });
      expect(recap.dates).toHaveLength(31);
      expect(recap.people.map((person) => person.name)).toEqual(['Rina Kartika']);
      const [row] = recap.people;
      expect(Object.fromEntries(recap.dates.map((date, i) => [date, row!.codes[i]]))).toEqual(
        Object.fromEntries(recap.dates.map((date) => [date, expectedCode(date)])),
      );
      expect(row!.totals).toEqual(EXPECTED_TOTALS);
      const own = await rina.client.trpc.attendance.month.query({ month: '2025-03' });
      expect(own).toEqual(row);
      // Recomputing changes nothing.
      expect(
        await admin.trpc.admin.recap.month.query({ month: '2025-03', department: 'Rekap' }),
      ).toEqual(recap);
    }, 120_000); // a dozen calls, each recomputing statuses: slow on a loaded machine

    it('counts no absence before a hire date, and keeps a deactivated person for the month they worked', async () => {
      const newcomer = await fixture.hire('Baru Masuk', 'Rekap');
      const leaver = await fixture.hire('Sudah Keluar', 'Rekap');
      await admin.trpc.admin.users.update.mutate({ id: leaver.id, hiredOn: '2025-01-01' });
      await admin.trpc.admin.attendance.add.mutate({
        userId: leaver.id,
        clockInAt: wib('2025-03-03', '08:00'),
        clockOutAt: wib('2025-03-03', '17:00'),
        reason: 'rekap test',
      });
      await admin.trpc.admin.users.deactivate.mutate({ id: leaver.id });
      const recap = await admin.trpc.admin.recap.month.query({
        month: '2025-03',
        department: 'Rekap',
      });
      const row = (id: number) => recap.people.find((person) => person.userId === id);
      expect(row(newcomer.id)?.codes.every((code) => code === '' || code === 'L')).toBe(true);
      expect(row(newcomer.id)?.totals.absentDays).toBe(0);
      expect(row(leaver.id)?.codes[2]).toBe('H');
      expect(row(leaver.id)?.totals).toMatchObject({ presentDays: 1, absentDays: 0 });
    });

    it('refuses the recap to an employee and a manager outside their departments', async () => {
      const denied = await errorOf(rina.client.trpc.admin.recap.month.query({ month: '2025-03' }));
      expect(denied.code).toBe('FORBIDDEN');
    });
  });
});
