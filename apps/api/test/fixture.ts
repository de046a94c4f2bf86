import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  Attendance,
  AttendanceAction,
  AuditLog,
  EventRow,
  Holiday,
  SettingsRow,
  Site,
  User,
  UserSite,
} from '@absensi/db';
import { dialectsUnderTest, type TestDialect } from '@absensi/db/testing';
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
  /** Rows in every table a procedure may change (the settings row as JSON). */
  rowCounts(): Promise<Record<string, number | string>>;
  clockOutIfIn(client: TestClient): Promise<void>;
  /** A new employee made by the admin, signed in on a client of their own. */
  hire(name: string, department?: string): Promise<{ client: TestClient; id: number }>;
}

/**
 * A feature's tests against one API node per dialect (SQLite always, MariaDB when it answers; in
 * CI a missing MariaDB fails), called through @trpc/client over real HTTP.
 */
export function describeApi(feature: string, body: (fixture: ApiFixture) => void) {
  describe.each(dialects)(`the tRPC API on %s: ${feature}`, (dialect) => {
    let started: Started | undefined;
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
        };
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
        return { client, id: created.user.id };
      },
      async clockOutIfIn(client) {
        if ((await client.trpc.attendance.today.query()).open)
          await client.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
      },
    });
  });
}
