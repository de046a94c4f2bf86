import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  Attendance,
  AttendanceAction,
  AuditLog,
  EventRow,
  Holiday,
  LeaveRequest,
  LeaveType,
  NotificationRow,
  RequestAttachment,
  SettingsRow,
  Site,
  User,
  UserSite,
} from '@absensi/db';
import { dialectsUnderTest, type TestDialect } from '@absensi/db/testing';
import { rules, scheduleRules } from '@absensi/core';
import { createTestClient, type TestClient } from '@absensi/api/testing';
import { ADMIN, startTestNode, type TestNode } from './node.js';

const dialects = await dialectsUnderTest();

export const EMPLOYEE_PASSWORD = 'employee-password-1';

export interface Started {
  node: TestNode;
  /** Signed in as the first admin. */
  admin: TestClient;
  /** Signed in as Siti Rahayu (Operations), made by the admin. */
  employee: TestClient;
  employeeId: number;
}

export interface ApiFixture {
  dialect: TestDialect;
  employeePassword: string;
  /** The node and its signed-in clients, once the suite's beforeAll has run. */
  started(): Started;
  /**
   * Rows in every table a procedure may change (the settings row as JSON); not the daily statuses,
   * which the periodic pass recomputes on its own.
   */
  rowCounts(): Promise<Record<string, number | string>>;
  clockOutIfIn(client: TestClient): Promise<void>;
  /**
   * From now on, every employee's shift every day starts `startedMinutesAgo` minutes before now
   * (but not before today's midnight in Jakarta, so that clock-ins now belong to today) and ends
   * two hours from now, with `graceMinutes`: a schedule for everyone, valid from a date later
   * than any before it. Returns the shift type.
   */
  shiftRunningNow(options?: { startedMinutesAgo?: number; graceMinutes?: number }): Promise<{
    id: number;
    startTime: string;
    endTime: string;
  }>;
  /** A new employee made by the admin, signed in on a client of their own. */
  hire(
    name: string,
    department?: string,
  ): Promise<{ client: TestClient; id: number; email: string; password: string }>;
}

/**
 * A feature's tests against one API node per dialect (SQLite always, MariaDB when it answers; in
 * CI a missing MariaDB fails), called through @trpc/client over real HTTP.
 */
export function describeApi(feature: string, body: (fixture: ApiFixture) => void) {
  describe.each(dialects)(`the tRPC API on %s: ${feature}`, (dialect) => {
    let started: Started | undefined;
    let schedulesMade = 0;
    beforeAll(async () => {
      const node = await startTestNode(dialect);
      const admin = createTestClient(node.url);
      await admin.trpc.auth.login.mutate(ADMIN);
      const created = await admin.trpc.admin.users.create.mutate({
        name: 'Siti Rahayu',
        email: 'Siti@Example.com',
        password: EMPLOYEE_PASSWORD,
        department: 'Operations',
      });
      const employee = createTestClient(node.url);
      await employee.trpc.auth.login.mutate({
        email: 'siti@example.com',
        password: EMPLOYEE_PASSWORD,
      });
      started = { node, admin, employee, employeeId: created.user.id };
    });
    afterAll(async () => {
      await started?.node.stop();
    });

    body({
      dialect,
      employeePassword: EMPLOYEE_PASSWORD,
      started() {
        if (!started) throw new Error('the API node has not started');
        return started;
      },
      async rowCounts() {
        return {
          attendance: await Attendance.count(),
          actions: await AttendanceAction.count(),
          users: await User.count(),
          events: await EventRow.count(),
          audit: await AuditLog.count(),
          settings: JSON.stringify(await SettingsRow.findByPk(1)),
          sites: JSON.stringify(await Site.findAll({ order: [['id', 'ASC']] })),
          userSites: await UserSite.count(),
          holidays: JSON.stringify(await Holiday.findAll({ order: [['id', 'ASC']] })),
          leaveTypes: JSON.stringify(await LeaveType.findAll({ order: [['id', 'ASC']] })),
          requests: JSON.stringify(await LeaveRequest.findAll({ order: [['id', 'ASC']] })),
          attachments: await RequestAttachment.count(),
          notifications: JSON.stringify(await NotificationRow.findAll({ order: [['id', 'ASC']] })),
        };
      },
      async shiftRunningNow(options = {}) {
        const { admin } = this.started();
        const zone = 'Asia/Jakarta';
        const now = Date.now();
        const midnight = rules
          .localInstant(rules.workDateOf(new Date(now), zone), '00:00', zone)
          .getTime();
        const hhmm = (ms: number) =>
          new Intl.DateTimeFormat('en-GB', {
            timeZone: zone,
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          }).format(new Date(ms));
        const startTime = hhmm(
          Math.max(midnight, now - (options.startedMinutesAgo ?? 120) * 60_000),
        );
        const endTime = hhmm(now + 120 * 60_000);
        schedulesMade += 1;
        const type = await admin.trpc.admin.shifts.create.mutate({
          name: `Now ${schedulesMade}`,
          code: `N${schedulesMade}`,
          startTime,
          endTime,
          lateGraceMinutes: options.graceMinutes ?? 0,
        });
        const schedule = await admin.trpc.admin.schedules.create.mutate({
          name: `Every day ${schedulesMade}`,
          kind: 'weekly',
          days: Array.from({ length: 7 }, () => type.id),
        });
        await admin.trpc.admin.schedules.assign.mutate({
          scheduleId: schedule.id,
          validFrom: scheduleRules.nextDate('2001-01-01', schedulesMade),
        });
        return { id: type.id, startTime, endTime };
      },
      async hire(name, department) {
        const { node, admin } = this.started();
        const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${randomUUID().slice(0, 8)}@example.com`;
        const password = `${randomUUID()}-pass`;
        const created = await admin.trpc.admin.users.create.mutate({
          name,
          email,
          password,
          ...(department ? { department } : {}),
        });
        const client = createTestClient(node.url);
        await client.trpc.auth.login.mutate({ email, password });
        return { client, id: created.user.id, email, password };
      },
      async clockOutIfIn(client) {
        if ((await client.trpc.attendance.today.query()).open)
          await client.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
      },
    });
  });
}
