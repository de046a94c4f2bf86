import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig, testEnvironment } from '@absensi/config';
import { createTestClient, type TestClient } from '@absensi/api/testing';
import { createTempDatabase, dialectsUnderTest, type TempDatabase } from '@absensi/db/testing';
import { prepareDatabase } from '@absensi/db';
import { deleteKeys, redisUnderTest, testPrefix } from '@absensi/events/testing';
import { startNode, type RunningNode } from '../src/node.js';

const ready = (await dialectsUnderTest()).includes('mysql') && (await redisUnderTest());
const ADMIN = { email: 'admin@example.com', password: 'admin-password-1' };

/**
 * Two cluster nodes on one database and one Redis: what one of them changes, the other shows in
 * the very next answer, although each keeps versions, days and the dashboard in memory between
 * notices (packages/runtime/src/caches/cache-notices.ts).
 */
describe.runIf(ready)('two API nodes, each keeping reads in memory', () => {
  let database: TempDatabase;
  const nodes: RunningNode[] = [];
  const prefix = testPrefix();
  const urls: string[] = [];
  let admin: TestClient[];
  let employee: TestClient[];
  let employeeId: number;

  beforeAll(async () => {
    database = await createTempDatabase('mysql');
    const config = (node: string) =>
      parseConfig({
        DATABASE_URL: database.url,
        REDIS_URL: testEnvironment().redisUrl,
        REDIS_PREFIX: prefix,
        SESSION_SECRET: 'x'.repeat(40),
        HOST: '127.0.0.1',
        PORT: '0',
        APP_NODE_ID: node,
        LOG_LEVEL: 'silent',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'absensi-two-')),
        ADMISSION_WRITE_WAIT_MS: '0',
        ADMISSION_READ_WAIT_MS: '0',
        ADMISSION_MAX_WRITES_IN_FLIGHT: '0',
        ADMISSION_MAX_READS_IN_FLIGHT: '0',
      });
    const migration = await prepareDatabase({
      ...config('migration'),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    });
    await migration.db.close();
    for (const name of ['api-1', 'api-2']) {
      const node = await startNode(config(name));
      nodes.push(node);
      urls.push(node.url.replace('localhost', '127.0.0.1'));
    }
    const first = createTestClient(urls[0]!);
    await first.trpc.auth.login.mutate(ADMIN);
    const created = await first.trpc.admin.users.create.mutate({
      name: 'Dewi Lestari',
      email: 'dewi@example.com',
      password: 'employee-password-1',
      department: 'Operations',
    });
    employeeId = created.user.id;
    const signedIn = createTestClient(urls[0]!);
    await signedIn.trpc.auth.login.mutate({
      email: 'dewi@example.com',
      password: 'employee-password-1',
    });
    // The same sessions on both nodes (they live in Redis).
    admin = urls.map((url) => createTestClient(url, { cookie: first.cookieHeader() }));
    employee = urls.map((url) => createTestClient(url, { cookie: signedIn.cookieHeader() }));
  });

  afterAll(async () => {
    for (const node of nodes) await node.close();
    await database?.drop();
    await deleteKeys(prefix);
  });

  it("shows a clock-in or out made on one node in the other's next answer: the day and the dashboard", async () => {
    for (const [writer, reader] of [
      [0, 1],
      [1, 0],
    ] as const) {
      // The reader keeps both in memory first (read twice: the second is served from it).
      for (let read = 0; read < 2; read += 1) {
        await employee[reader]!.trpc.attendance.today.query();
        await admin[reader]!.trpc.admin.dashboard.query();
      }
      // Served from the reader's memory: no Redis read of the day's or the dashboard's version.
      const redis = (nodes[reader]!.deps.dayCache as unknown as { redis: Redis }).redis;
      const asked = vi.spyOn(redis, 'sendCommand');
      await employee[reader]!.trpc.attendance.today.query();
      await admin[reader]!.trpc.admin.dashboard.query();
      const names = asked.mock.calls.map(([command]) => command.name);
      asked.mockRestore();
      expect(names).not.toContain('mget');
      expect(names.filter((name) => name === 'get')).toHaveLength(2); // the two sessions
      const before = await employee[reader]!.trpc.attendance.today.query();
      await (before.open
        ? employee[writer]!.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() })
        : employee[writer]!.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() }));
      const after = await employee[reader]!.trpc.attendance.today.query();
      const board = await admin[reader]!.trpc.admin.dashboard.query();
      const present = board.present.some((person) => person.userId === employeeId);
      if (before.open) {
        expect(after.open).toBeNull();
        expect(present).toBe(false);
      } else {
        expect(after.open).not.toBeNull();
        expect(present).toBe(true);
      }
      expect(after.records.length).toBe(before.records.length + (before.open ? 0 : 1));
    }
  });
});
