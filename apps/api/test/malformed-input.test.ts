import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorOf, type TestClient } from '@absensi/api/testing';
import { describeApi } from './fixture.js';

describeApi('malformed-input', (fixture) => {
  const { rowCounts } = fixture;
  let admin!: TestClient;
  let employee!: TestClient;
  beforeAll(() => {
    ({ admin, employee } = fixture.started());
  });

  describe('malformed input', () => {
    const key = randomUUID();
    const cases: [
      string,
      (client: () => { admin: TestClient; employee: TestClient }) => Promise<unknown>,
      RegExp,
    ][] = [
      [
        'auth.login',
        (c) => c().admin.trpc.auth.login.mutate({ email: 'not-an-email', password: 'x' }),
        /^email: must be an email address$/,
      ],
      [
        'attendance.clockIn',
        (c) => c().employee.trpc.attendance.clockIn.mutate({ idempotencyKey: 'abc' }),
        /^idempotencyKey: must be a UUID/,
      ],
      [
        'attendance.clockIn at',
        (c) =>
          c().employee.trpc.attendance.clockIn.mutate({ idempotencyKey: key, at: 'yesterday' }),
        /^at: must be an ISO 8601/,
      ],
      [
        'attendance.clockIn location',
        (c) =>
          c().employee.trpc.attendance.clockIn.mutate({
            idempotencyKey: key,
            location: { lat: 200, lng: 0 },
          }),
        /^location\.lat: /,
      ],
      [
        'attendance.clockOut',
        (c) =>
          c().employee.trpc.attendance.clockOut.mutate({
            idempotencyKey: key,
            note: 'x'.repeat(600),
          }),
        /^note: /,
      ],
      [
        'attendance.history',
        (c) => c().employee.trpc.attendance.history.query({ month: '2026-13' }),
        /^month: must be a month as YYYY-MM$/,
      ],
      [
        'admin.users.list',
        (c) => c().admin.trpc.admin.users.list.query({ limit: 5000 }),
        /^limit: /,
      ],
      [
        'admin.users.create',
        (c) => c().admin.trpc.admin.users.create.mutate({ name: '', email: 'new@example.com' }),
        /^name: must not be empty$/,
      ],
      ['admin.users.update', (c) => c().admin.trpc.admin.users.update.mutate({ id: -1 }), /^id: /],
      [
        'admin.users.deactivate',
        (c) => c().admin.trpc.admin.users.deactivate.mutate({ id: 'one' as never }),
        /^id: must be a number/,
      ],
      [
        'admin.users.resetPassword',
        (c) => c().admin.trpc.admin.users.resetPassword.mutate({ id: 2, password: 'short' }),
        /^password: must be at least 8 characters$/,
      ],
      [
        'admin.attendance.list',
        (c) =>
          c().admin.trpc.admin.attendance.list.query({ from: '2026-02-30x', to: '2026-03-01' }),
        /^from: must be a date as YYYY-MM-DD$/,
      ],
      [
        'admin.attendance.list order',
        (c) => c().admin.trpc.admin.attendance.list.query({ from: '2026-03-02', to: '2026-03-01' }),
        /^to: must not be before from$/,
      ],
      [
        'admin.attendance.correct',
        (c) =>
          c().admin.trpc.admin.attendance.correct.mutate({
            id: 1,
            status: 'on_time',
            reason: 'no',
          }),
        /^reason: must say why/,
      ],
      [
        'admin.attendance.audit',
        (c) => c().admin.trpc.admin.attendance.audit.query({ id: 0 }),
        /^id: /,
      ],
      [
        'admin.settings.update',
        (c) => c().admin.trpc.admin.settings.update.mutate({ timeZone: 'Mars/Olympus' }),
        /^timeZone: must be an IANA time zone/,
      ],
      [
        'admin.settings.update hour',
        (c) => c().admin.trpc.admin.settings.update.mutate({ autoClockOutHour: 24 }),
        /^autoClockOutHour: /,
      ],
      [
        'admin.shifts.create',
        (c) =>
          c().admin.trpc.admin.shifts.create.mutate({
            name: 'Pagi',
            code: 'P',
            startTime: '25:00',
            endTime: '15:00',
            color: 'red',
          }),
        /^startTime: must be a time as HH:MM \(24-hour\); color: /,
      ],
      [
        'admin.schedules.create',
        (c) =>
          c().admin.trpc.admin.schedules.create.mutate({
            name: 'Putar',
            kind: 'rotating',
            days: [],
          }),
        /^days: /,
      ],
    ];

    it.each(cases)(
      '%s gets BAD_REQUEST naming the field, and nothing changes',
      async (_name, call, message) => {
        const before = await rowCounts();
        const error = await errorOf(call(() => ({ admin, employee })));
        expect(error.code).toBe('BAD_REQUEST');
        expect(error.httpStatus).toBe(400);
        expect(error.message).toMatch(message);
        expect(await rowCounts()).toEqual(before);
      },
    );
  });

  describe("refusals carry a stable reason the app words in its reader's language", () => {
    it('names each bad field with its path, a stable issue code and its limits', async () => {
      const error = await errorOf(
        admin.trpc.auth.login.mutate({ email: 'not-an-email', password: 'x' }),
      );
      expect(error.reason).toBe('INPUT_INVALID');
      expect(error.issues).toContainEqual({ path: 'email', code: 'BAD_EMAIL', params: {} });
      const missing = await errorOf(
        employee.trpc.attendance.clockOut.mutate({
          idempotencyKey: randomUUID(),
          note: 'x'.repeat(600),
        }),
      );
      expect(missing.issues).toEqual([
        { path: 'note', code: 'TOO_LONG', params: { maximum: expect.any(Number) as number } },
      ]);
      const required = await errorOf(
        // @ts-expect-error: the key is missing on purpose
        employee.trpc.attendance.clockIn.mutate({}),
      );
      expect(required.issues).toEqual([{ path: 'idempotencyKey', code: 'REQUIRED', params: {} }]);
    });

    it("gives a use case's refusal its specific reason, with the times as instants and their zone", async () => {
      const out = await errorOf(
        employee.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() }),
      );
      if (out.reason !== 'NOT_CLOCKED_IN') {
        expect(out.reason).toBe('ALREADY_CLOCKED_OUT');
      }
      await employee.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
      const twice = await errorOf(
        employee.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() }),
      );
      expect(twice).toMatchObject({
        code: 'CONFLICT',
        reason: 'ALREADY_CLOCKED_IN',
        params: { since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string },
      });
      expect(typeof twice.params?.timeZone).toBe('string');
      await employee.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
      const forbidden = await errorOf(employee.trpc.admin.reports.list.query());
      expect(forbidden.reason).toBe('ADMINS_ONLY');
    });
  });
});
