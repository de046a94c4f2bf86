import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '@absensi/api';
import { testEnvironment } from '@absensi/config';
import { prepareDatabase, type Database } from '@absensi/db';
import { createTempDatabase, mysqlAvailable, type TempDatabase } from '@absensi/db/testing';
import { appEventSchema } from '@absensi/events';
import { deleteKeys, redisUnderTest, testPrefix } from '@absensi/events/testing';
import { startEqualWorkFloor } from '../src/equal-work/server.js';
import { freePortBlock, insertEmployees, SessionMinter, type Employee } from '../src/setup.js';

const ready = (await mysqlAvailable()) && (await redisUnderTest());
if (!ready && testEnvironment().ci)
  throw new Error('The equal-work floor smoke test needs MariaDB and Redis, and CI must run it');
if (!ready) console.warn('SKIPPING the equal-work floor smoke test: MariaDB or Redis missing');

const SECRET = 'e'.repeat(40);
const NODE = 'equal-work-test';
/** The cookie part of a session as @fastify/session stores it, expiring `inMs` ms from now. */
const sessionTemplate = (inMs: number) => ({
  cookie: {
    originalMaxAge: Math.abs(inMs),
    expires: new Date(Date.now() + inMs).toISOString(),
    secure: false,
    httpOnly: true,
    path: '/',
    sameSite: 'lax',
  },
});

describe.runIf(ready)('the equal-work floor, with a few signed requests', () => {
  const prefix = testPrefix();
  const streamKey = `${prefix}floor-events`;
  let database: TempDatabase;
  let db: Database;
  let redis: Redis;
  let floor: Awaited<ReturnType<typeof startEqualWorkFloor>>;
  let url: string;
  let employees: Employee[];
  let minter: SessionMinter;

  beforeAll(async () => {
    database = await createTempDatabase('mysql');
    ({ db } = await prepareDatabase({
      DATABASE_URL: database.url,
      DB_POOL_MAX: 2,
      ADMIN_EMAIL: 'equal-work-admin@example.com',
      ADMIN_PASSWORD: 'equal-work-admin-password',
      COMPANY_TZ: 'Asia/Jakarta',
    }));
    redis = new Redis(testEnvironment().redisUrl);
    minter = new SessionMinter(SECRET, sessionTemplate(3_600_000));
    employees = await minter.intoRedis(redis, prefix, await insertEmployees(db, 'ew', 5));
    const port = await freePortBlock(1);
    floor = await startEqualWorkFloor({
      port,
      nodeId: NODE,
      databaseUrl: database.url,
      redisUrl: testEnvironment().redisUrl,
      redisPrefix: prefix,
      sessionSecret: SECRET,
      poolSize: 2,
      streamKey,
      fallbackTimeZone: 'UTC',
    });
    url = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await floor?.close();
    await db?.close();
    await database?.drop();
    redis?.disconnect();
    await deleteKeys(prefix);
  });

  const clockIn = (cookie: string, idempotencyKey: string = randomUUID()) =>
    fetch(`${url}/trpc/attendance.clockIn`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ idempotencyKey }),
    });
  const count = async (sql: string) =>
    Number(((await db.sequelize.query(sql))[0] as { n: number }[])[0]!.n);

  it('writes the attendance, action and outbox rows, appends the event and marks it sent', async () => {
    const keys = employees.slice(0, 3).map(() => randomUUID());
    const answers = await Promise.all(
      employees.slice(0, 3).map((employee, index) => clockIn(employee.cookie, keys[index])),
    );
    const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as {
      result: { data: { id: number; userId: number; workDate: string; clockInAt: string } };
    }[];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const jakartaToday = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    for (const [index, { result }] of bodies.entries()) {
      const { id, userId } = result.data;
      expect(userId).toBe(employees[index]!.id);
      expect(result.data.workDate).toBe(jakartaToday);
      const [rows] = await db.sequelize.query(
        `SELECT a.user_id, a.clock_in_node, a.open_user_id, a.clock_in_at, x.idempotency_key
         FROM attendance a JOIN attendance_actions x ON x.attendance_id = a.id WHERE a.id = ${id}`,
      );
      expect(rows).toEqual([
        {
          user_id: userId,
          clock_in_node: NODE,
          open_user_id: userId,
          clock_in_at: new Date(result.data.clockInAt),
          idempotency_key: keys[index],
        },
      ]);
    }
    // The outbox rows: valid events, one per clock-in, marked sent after the append (≤ 200 ms).
    const deadline = Date.now() + 3_000;
    while (
      Date.now() < deadline &&
      (await count('SELECT COUNT(*) AS n FROM events WHERE sent_at IS NULL')) > 0
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
    const [events] = (await db.sequelize.query(
      'SELECT id, payload, user_id, node_id, sent_at FROM events ORDER BY id',
    )) as [
      { id: string; payload: string; user_id: number; node_id: string; sent_at: Date | null }[],
      unknown,
    ];
    expect(events).toHaveLength(3);
    const stored = events.map((row) => appEventSchema.parse(JSON.parse(row.payload)));
    expect(
      stored.map((event) => event.type === 'AttendanceCreated' && event.data.attendanceId).sort(),
    ).toEqual(bodies.map((body) => body.result.data.id).sort());
    for (const row of events) {
      expect(row.node_id).toBe(NODE);
      expect(row.sent_at).not.toBeNull();
    }
    // The stream: the same events, in the feed's format (field "e", the event as JSON).
    const entries = await redis.xrange(streamKey, '-', '+');
    expect(entries.map(([, fields]) => fields[0])).toEqual(['e', 'e', 'e']);
    const appended = entries.map(([, fields]) => appEventSchema.parse(JSON.parse(fields[1]!)).id);
    expect(appended.sort()).toEqual(events.map((row) => row.id).sort());
  });

  it('refuses an unsigned cookie, a forged signature and an expired session, writing nothing', async () => {
    const before = await count('SELECT COUNT(*) AS n FROM attendance');
    const employee = employees[3]!;
    const signed = decodeURIComponent(employee.cookie.slice(SESSION_COOKIE.length + 1));
    const sessionId = signed.slice(0, signed.lastIndexOf('.'));
    const expired = (
      await new SessionMinter(SECRET, sessionTemplate(-60_000)).intoRedis(redis, prefix, [
        employee.id,
      ])
    )[0]!;
    const refused = [
      `${SESSION_COOKIE}=${sessionId}`,
      `${SESSION_COOKIE}=${encodeURIComponent(`${sessionId}.${'A'.repeat(43)}`)}`,
      expired.cookie,
      '',
    ];
    for (const cookie of refused) {
      expect((await clockIn(cookie)).status, cookie).toBe(401);
      const session = await fetch(`${url}/trpc/floor.session`, { headers: { cookie } });
      expect(session.status, cookie).toBe(401);
    }
    expect(await count('SELECT COUNT(*) AS n FROM attendance')).toBe(before);
    // The same employee with the cookie as signed is let in.
    const session = await fetch(`${url}/trpc/floor.session`, {
      headers: { cookie: employee.cookie },
    });
    expect(await session.json()).toEqual({ result: { data: { userId: employee.id } } });
  });

  it('refuses a second clock-in with the same key, keeping one row', async () => {
    const employee = employees[4]!;
    const key = randomUUID();
    expect((await clockIn(employee.cookie, key)).status).toBe(200);
    expect((await clockIn(employee.cookie, key)).status).toBe(409);
    expect(await count(`SELECT COUNT(*) AS n FROM attendance WHERE user_id = ${employee.id}`)).toBe(
      1,
    );
  });
});
