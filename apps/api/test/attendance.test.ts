import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '@absensi/core';
import { Attendance, EventRow } from '@absensi/db';
import { createTestClient, errorOf, type TestClient } from '@absensi/api/testing';
import { describeApi } from './fixture.js';

describeApi('attendance', (fixture) => {
  const { rowCounts, clockOutIfIn } = fixture;
  let employee!: TestClient;
  let employeeId!: number;
  beforeAll(() => {
    ({ employee, employeeId } = fixture.started());
  });

  describe('attendance', () => {
    it('lets fifty simultaneous clock-ins leave exactly one open shift', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, () =>
          employee.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() }),
        ),
      );
      const succeeded = results.filter((result) => result.status === 'fulfilled');
      const failed = results.filter(
        (result): result is PromiseRejectedResult => result.status === 'rejected',
      );
      expect(succeeded).toHaveLength(1);
      expect(failed).toHaveLength(49);
      for (const failure of failed) {
        const error = await errorOf(Promise.reject(failure.reason as Error));
        expect(error.code).toBe('CONFLICT');
        expect(error.message).toMatch(
          /^You are already clocked in since \d\d:\d\d\. Clock out first\.$/,
        );
      }
      const today = await employee.trpc.attendance.today.query();
      expect(today.records).toHaveLength(1);
      expect(today.open?.clockInNode).toBe('api-test');
      expect(await Attendance.count({ where: { userId: employeeId, clockOutAt: null } })).toBe(1);
    });

    it('answers a replayed tap with the first result and writes nothing new', async () => {
      const key = randomUUID();
      await employee.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
      const first = await employee.trpc.attendance.clockIn.mutate({
        idempotencyKey: key,
        location: { lat: -6.2, lng: 106.8, accuracy: 12 },
        note: 'gate B',
      });
      const before = await rowCounts();
      const again = await employee.trpc.attendance.clockIn.mutate({
        idempotencyKey: key,
        location: { lat: -6.2, lng: 106.8, accuracy: 12 },
        note: 'gate B',
      });
      const twiceAtOnce = await Promise.all(
        [1, 2, 3].map(() => employee.trpc.attendance.clockIn.mutate({ idempotencyKey: key })),
      );
      expect(again).toEqual(first);
      for (const answer of twiceAtOnce) expect(answer).toEqual(first);
      expect(await rowCounts()).toEqual(before);
      expect(first.clockInLocation).toEqual({ lat: -6.2, lng: 106.8, accuracy: 12 });
      expect(first.clockInNote).toBe('gate B');
      // The default schedule: every day 08:00–17:00 with 15 minutes' grace (or no shift at all
      // when the tap falls outside it: unscheduled, never late).
      if (first.status === 'unscheduled') expect(first.lateMinutes).toBe(0);
      else
        expect({ status: first.status, lateMinutes: first.lateMinutes }).toEqual(
          rules.latenessAgainst(
            new Date(first.clockInAt),
            rules.localInstant(first.workDate, '08:00', 'Asia/Jakarta'),
            15,
          ),
        );
      expect(first.workDate).toBe(rules.workDateOf(new Date(first.clockInAt), 'Asia/Jakarta'));
    });

    it('refuses a key already used for another action', async () => {
      const key = randomUUID();
      await employee.trpc.attendance.clockOut.mutate({ idempotencyKey: key });
      const reused = await errorOf(
        employee.trpc.attendance.clockIn.mutate({ idempotencyKey: key }),
      );
      expect(reused.code).toBe('CONFLICT');
    });

    it('says so when clocking out without an open shift', async () => {
      const error = await errorOf(
        employee.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() }),
      );
      expect(error).toMatchObject({
        code: 'CONFLICT',
        message: 'You are not clocked in, so there is nothing to clock out of.',
      });
    });

    it('keeps an offline tap at the phone time and refuses one too old to trust', async () => {
      // Someone with no shift yet, so that a tap ten minutes back belongs before nothing recorded.
      // Ten minutes back, but never past midnight in Jakarta: the tap's work date stays today.
      const { admin } = fixture.started();
      await admin.trpc.admin.users.create.mutate({
        name: 'Dian',
        email: 'dian@example.com',
        password: 'dian-password-1',
      });
      const dian = createTestClient(fixture.started().node.url);
      await dian.trpc.auth.login.mutate({ email: 'dian@example.com', password: 'dian-password-1' });
      const now = Date.now();
      const midnight = rules
        .localInstant(rules.workDateOf(new Date(now), 'Asia/Jakarta'), '00:00', 'Asia/Jakarta')
        .getTime();
      const tappedAt = new Date(Math.max(now - 10 * 60_000, midnight));
      const minutesBack = Math.floor((now - tappedAt.getTime()) / 60_000);
      const offline = await dian.trpc.attendance.clockIn.mutate({
        idempotencyKey: randomUUID(),
        at: tappedAt.toISOString(),
      });
      expect(offline.clockInSource).toBe(minutesBack >= 1 ? 'offline' : 'online');
      expect(offline.clockInClientAt).toBe(tappedAt.toISOString());
      // An old client (no sentAt): the phone's time is the effective time; the server's is kept beside it.
      expect(offline.clockInAt).toBe(tappedAt.toISOString());
      expect(new Date(offline.clockInReceivedAt).getTime()).toBeGreaterThan(tappedAt.getTime());
      const out = await dian.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
      expect(out.clockOutKind).toBe('manual');
      expect(out.workedMinutes).toBeGreaterThanOrEqual(Math.max(0, minutesBack - 1));
      const tooOld = await errorOf(
        dian.trpc.attendance.clockIn.mutate({
          idempotencyKey: randomUUID(),
          at: new Date(Date.now() - 4 * 86_400_000).toISOString(),
        }),
      );
      expect(tooOld).toMatchObject({ code: 'BAD_REQUEST' });
      expect(tooOld.message).toMatch(/more than 3 days ago/);
    });

    it('pages through the month history with its totals', async () => {
      // Siti's third shift of the month (two came before this test).
      await clockOutIfIn(employee);
      await employee.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
      await employee.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
      const first = await employee.trpc.attendance.history.query({ limit: 2 });
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).not.toBeNull();
      const second = await employee.trpc.attendance.history.query({
        limit: 2,
        cursor: first.nextCursor!,
      });
      const ids = [...first.items, ...second.items].map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(first.totals.shifts).toBe(3);
      expect(first.totals.days).toBeGreaterThanOrEqual(1);
      expect(ids).toHaveLength(3);
      expect(second.nextCursor).toBeNull();
      expect((await employee.trpc.attendance.history.query({ month: '2001-01' })).items).toEqual(
        [],
      );
    });
  });

  describe('replays and the outbox', () => {
    it("shows a shift begun on an earlier day as open, apart from today's records", async () => {
      await clockOutIfIn(employee);
      const shift = await employee.trpc.attendance.clockIn.mutate({
        idempotencyKey: randomUUID(),
      });
      const dayBefore = new Date(Date.parse(`${shift.workDate}T00:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10);
      await Attendance.update({ workDate: dayBefore }, { where: { id: shift.id } });
      const today = await employee.trpc.attendance.today.query();
      expect(today.open).toMatchObject({ id: shift.id, workDate: dayBefore });
      expect(today.records.map((record) => record.id)).not.toContain(shift.id);
      await employee.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
    });

    it('answers a clock-in key sent again after its shift was closed with that shift, opening none', async () => {
      await clockOutIfIn(employee);
      const key = randomUUID();
      const first = await employee.trpc.attendance.clockIn.mutate({ idempotencyKey: key });
      await employee.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
      const before = await rowCounts();
      const late = await employee.trpc.attendance.clockIn.mutate({ idempotencyKey: key });
      // The same record, as it stands now (closed), not a new shift.
      expect(late).toMatchObject({ id: first.id, clockInAt: first.clockInAt });
      expect(late.clockOutAt).not.toBeNull();
      expect(await rowCounts()).toEqual(before);
      expect((await employee.trpc.attendance.today.query()).open).toBeNull();
    });

    it('marks every event it appended as sent, soon and off the request path', async () => {
      await clockOutIfIn(employee);
      await employee.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
      await employee.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
      await expect
        .poll(() => EventRow.count({ where: { sentAt: null } }), { timeout: 3_000 })
        .toBe(0);
    });
  });
});
