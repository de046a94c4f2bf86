import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeForgottenShifts, rules } from '@absensi/api';
import { Attendance, AttendanceAction, AuditLog, EventRow, SettingsRow, User } from '@absensi/db';
import type { TestDialect } from '@absensi/db/testing';
import { createLiveClient, createTestClient, errorOf, type TestClient } from '@absensi/api/testing';
import { ADMIN, startTestNode, type TestNode } from './node.js';

/** Every procedure of the router, called through @trpc/client over real HTTP against one dialect. */
export function defineApiSuite(dialect: TestDialect) {
  describe(`the tRPC API on ${dialect}`, () => {
    let node: TestNode;
    let admin: TestClient;
    let employee: TestClient;
    let employeeId: number;
    const employeePassword = 'employee-password-1';

    const rowCounts = async () => {
      return {
        attendance: await Attendance.count(),
        actions: await AttendanceAction.count(),
        users: await User.count(),
        events: await EventRow.count(),
        audit: await AuditLog.count(),
        settings: JSON.stringify(await SettingsRow.findByPk(1)),
      };
    };

    const clockOutIfIn = async (client: TestClient) => {
      if ((await client.trpc.attendance.today.query()).open)
        await client.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
    };

    beforeAll(async () => {
      node = await startTestNode(dialect);
      admin = createTestClient(node.url);
      await admin.trpc.auth.login.mutate(ADMIN);
      const created = await admin.trpc.admin.users.create.mutate({
        name: 'Siti Rahayu',
        email: 'Siti@Example.com',
        password: employeePassword,
        department: 'Operations',
      });
      employeeId = created.user.id;
      employee = createTestClient(node.url);
      await employee.trpc.auth.login.mutate({
        email: 'siti@example.com',
        password: employeePassword,
      });
    });
    afterAll(async () => {
      await node?.stop();
    });

    describe('auth', () => {
      it('signs in with an HttpOnly session cookie and knows who is signed in', async () => {
        expect(
          admin.setCookies.some(
            (line) =>
              /^absensi\.sid=/.test(line) && /HttpOnly/i.test(line) && /SameSite=Lax/i.test(line),
          ),
        ).toBe(true);
        expect(await admin.trpc.auth.me.query()).toMatchObject({
          email: ADMIN.email,
          role: 'admin',
        });
        expect(await employee.trpc.auth.me.query()).toMatchObject({
          id: employeeId,
          role: 'employee',
          department: 'Operations',
        });
      });

      it('gives the same answer for a wrong password and an unknown email', async () => {
        const visitor = createTestClient(node.url);
        const wrong = await errorOf(
          visitor.trpc.auth.login.mutate({ email: ADMIN.email, password: 'not-it-at-all' }),
        );
        const unknown = await errorOf(
          visitor.trpc.auth.login.mutate({
            email: 'nobody@example.com',
            password: 'not-it-at-all',
          }),
        );
        expect(wrong).toEqual(unknown);
        expect(wrong).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
        expect(wrong.message).toBe('That email and password do not match an active account.');
      });

      it('stops guessing after five failures for one email, even with the right password', async () => {
        await admin.trpc.admin.users.create.mutate({
          name: 'Target',
          email: 'target@example.com',
          password: 'target-password',
        });
        const visitor = createTestClient(node.url);
        for (let attempt = 0; attempt < 5; attempt += 1) {
          expect(
            (
              await errorOf(
                visitor.trpc.auth.login.mutate({
                  email: 'target@example.com',
                  password: `guess-${attempt}-x`,
                }),
              )
            ).code,
          ).toBe('UNAUTHORIZED');
        }
        const blocked = await errorOf(
          visitor.trpc.auth.login.mutate({
            email: 'target@example.com',
            password: 'target-password',
          }),
        );
        expect(blocked).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429 });
        expect(blocked.message).toMatch(/Try again in \d+ minute/);
      });

      it('signs out, after which the session no longer works', async () => {
        const client = createTestClient(node.url);
        await client.trpc.auth.login.mutate(ADMIN);
        await client.trpc.auth.logout.mutate();
        expect((await errorOf(client.trpc.auth.me.query())).code).toBe('UNAUTHORIZED');
      });

      it('tags every response with the node that served it', async () => {
        const response = await fetch(`${node.url}/healthz`);
        expect(response.headers.get('x-app-node')).toBe('api-test');
      });
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
        const settings = (await employee.trpc.attendance.today.query()).settings;
        expect({ status: first.status, lateMinutes: first.lateMinutes }).toEqual(
          rules.lateness(new Date(first.clockInAt), first.workDate, settings),
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
        // Ten minutes back, but never past midnight in Jakarta: the tests after this one count
        // today's clock-ins, and a tap before midnight belongs to yesterday's work date.
        const now = Date.now();
        const midnight = rules
          .localInstant(rules.workDateOf(new Date(now), 'Asia/Jakarta'), '00:00', 'Asia/Jakarta')
          .getTime();
        const tappedAt = new Date(Math.max(now - 10 * 60_000, midnight));
        const minutesBack = Math.floor((now - tappedAt.getTime()) / 60_000);
        const offline = await employee.trpc.attendance.clockIn.mutate({
          idempotencyKey: randomUUID(),
          at: tappedAt.toISOString(),
        });
        expect(offline.clockInSource).toBe('offline');
        expect(offline.clockInClientAt).toBe(tappedAt.toISOString());
        expect(new Date(offline.clockInAt).getTime()).toBeGreaterThan(tappedAt.getTime());
        const out = await employee.trpc.attendance.clockOut.mutate({
          idempotencyKey: randomUUID(),
        });
        expect(out.clockOutKind).toBe('manual');
        expect(out.workedMinutes).toBeGreaterThanOrEqual(Math.max(0, minutesBack - 1));
        const tooOld = await errorOf(
          employee.trpc.attendance.clockIn.mutate({
            idempotencyKey: randomUUID(),
            at: new Date(Date.now() - 4 * 86_400_000).toISOString(),
          }),
        );
        expect(tooOld).toMatchObject({ code: 'BAD_REQUEST' });
        expect(tooOld.message).toMatch(/more than 3 days ago/);
      });

      it('pages through the month history with its totals', async () => {
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
        settingsUpdate: () => client.trpc.admin.settings.update.mutate({ graceMinutes: 0 }),
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

      it('shows the day on the dashboard: who is in, who is late, who has not come, and by which node', async () => {
        const clockIn = await employee.trpc.attendance.clockIn.mutate({
          idempotencyKey: randomUUID(),
        });
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
        const clockOutAt = new Date(new Date(open.clockInAt).getTime() + 60_000).toISOString();
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
        expect(await admin.trpc.admin.settings.get.query()).toEqual({
          timeZone: 'Asia/Jakarta',
          shiftStart: '08:00',
          graceMinutes: 15,
          autoClockOutHour: 23,
        });
        const changed = await admin.trpc.admin.settings.update.mutate({
          shiftStart: '07:30',
          graceMinutes: 10,
        });
        expect(changed).toEqual({
          timeZone: 'Asia/Jakarta',
          shiftStart: '07:30',
          graceMinutes: 10,
          autoClockOutHour: 23,
        });
        expect((await employee.trpc.attendance.today.query()).settings.shiftStart).toBe('07:30');
      });
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
        [
          'admin.users.update',
          (c) => c().admin.trpc.admin.users.update.mutate({ id: -1 }),
          /^id: /,
        ],
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
          (c) =>
            c().admin.trpc.admin.attendance.list.query({ from: '2026-03-02', to: '2026-03-01' }),
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
          (c) =>
            c().admin.trpc.admin.settings.update.mutate({
              autoClockOutHour: 24,
              shiftStart: '25:00',
            }),
          /^shiftStart: must be a time as HH:MM \(24-hour\); autoClockOutHour: /,
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
          socket.on('unexpected-response', (_request, response) =>
            resolve(response.statusCode ?? 0),
          );
          socket.on('open', () => resolve(101));
          socket.on('error', () => undefined);
        });
        expect(status).toBe(401);
      });
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
        expect(dashboard.latest.find((event) => event.data.attendanceId === open.id)).toMatchObject(
          {
            type: 'AttendanceUpdated',
            data: { change: 'auto_clock_out', clockOutKind: 'auto', userId: forgetful.user.id },
          },
        );
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

    describe('answers on the wire', () => {
      const get = (path: string, headers: Record<string, string> = {}) =>
        fetch(`${node.url}/trpc/${path}`, { headers });

      it('sends a whole answer as one body with its length, errors and batches too', async () => {
        const cookie = { cookie: employee.cookieHeader() };
        const batch = `auth.me,attendance.today?batch=1&input=${encodeURIComponent('{}')}`;
        for (const [path, headers, status] of [
          ['auth.me', cookie, 200],
          ['auth.me', {}, 401],
          [batch, cookie, 200],
        ] as const) {
          const response = await get(path, headers);
          const body = await response.text();
          expect(response.status).toBe(status);
          expect(response.headers.get('transfer-encoding')).toBeNull();
          expect(response.headers.get('content-type')).toMatch(/^application\/json/);
          expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(body));
          expect(response.headers.get('x-app-node')).toBe('api-test');
          if (status === 401) expect(JSON.parse(body).error.data.code).toBe('UNAUTHORIZED');
        }
        const [me, today] = JSON.parse(await (await get(batch, cookie)).text()) as [
          { result: { data: { id: number } } },
          { result: { data: { workDate: string } } },
        ];
        expect(me.result.data.id).toBe(employeeId);
        expect(today.result.data.workDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      });

      it('still streams a batch asked for as jsonl (httpBatchStreamLink)', async () => {
        const response = await get(
          `auth.me,attendance.today?batch=1&input=${encodeURIComponent('{}')}`,
          {
            cookie: employee.cookieHeader(),
            'trpc-accept': 'application/jsonl',
          },
        );
        const body = await response.text();
        expect(response.status).toBe(200);
        expect(response.headers.get('transfer-encoding')).toBe('chunked');
        expect(response.headers.get('content-length')).toBeNull();
        const lines = body.trim().split('\n');
        expect(lines.length).toBeGreaterThan(1);
        expect(body).toContain(`"id":${employeeId}`);
      });
    });

    describe('metrics', () => {
      it('counts calls by procedure and node', async () => {
        const text = await (await fetch(`${node.url}/metrics`)).text();
        const conflicts =
          /absensi_trpc_calls_total\{procedure="attendance\.clockIn",type="mutation",code="CONFLICT",node="api-test"\} (\d+)/.exec(
            text,
          );
        expect(Number(conflicts?.[1])).toBeGreaterThanOrEqual(49);
        expect(text).toMatch(
          /absensi_trpc_duration_seconds_count\{(?=[^}]*procedure="auth\.login")(?=[^}]*node="api-test")[^}]*\} [1-9]\d*/,
        );
      });
    });
    // Last: these leave the employee's day in a state the earlier tests do not expect.
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
}
