import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '@absensi/db/testing';
import { createTestClient, type TestClient } from '@absensi/api/testing';
import { classOf, OVERLOADED } from '../src/plugins/admission.js';
import { ADMIN, startTestNode, type TestNode } from './node.js';

const dialects = await dialectsUnderTest();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('which calls admission control may refuse', () => {
  it('writes and reads through /trpc; never auth.me alone, nor anything outside /trpc', () => {
    expect(classOf('POST', '/trpc/attendance.clockIn')).toBe('write');
    expect(classOf('POST', '/trpc/auth.login')).toBe('write');
    expect(classOf('GET', '/trpc/attendance.today?input=%7B%7D')).toBe('read');
    expect(classOf('GET', '/trpc/auth.me')).toBe('exempt');
    expect(classOf('GET', '/trpc/auth.me?batch=1&input=%7B%7D')).toBe('exempt');
    expect(classOf('GET', '/trpc/auth.me,attendance.today?batch=1')).toBe('read');
    expect(classOf('GET', '/healthz')).toBe('exempt');
    expect(classOf('GET', '/readyz')).toBe('exempt');
    expect(classOf('GET', '/metrics')).toBe('exempt');
    expect(classOf('GET', '/exports/abc')).toBe('exempt');
  });
});

/** A clock-in sent as the PWA sends it, answered as raw HTTP (status, headers, body, time taken). */
async function clockIn(node: TestNode, client: TestClient, idempotencyKey = randomUUID()) {
  const started = performance.now();
  const response = await fetch(`${node.url}/trpc/attendance.clockIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: client.cookieHeader() },
    body: JSON.stringify({ idempotencyKey }),
  });
  const body = (await response.json()) as {
    error?: { message: string; data: { code: string; reason?: string; httpStatus: number } };
  };
  return { response, body, ms: performance.now() - started };
}

async function employeeOn(node: TestNode, admin: TestClient, name: string) {
  const email = `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
  await admin.trpc.admin.users.create.mutate({ name, email, password: 'employee-password-1' });
  const client = createTestClient(node.url);
  await client.trpc.auth.login.mutate({ email, password: 'employee-password-1' });
  return client;
}

function expectOverloaded(answer: Awaited<ReturnType<typeof clockIn>>, retryAfter: string) {
  expect(answer.response.status).toBe(503);
  expect(answer.response.headers.get('retry-after')).toBe(retryAfter);
  expect(answer.body.error?.data).toMatchObject({
    code: 'SERVICE_UNAVAILABLE',
    reason: OVERLOADED,
    httpStatus: 503,
  });
  expect(answer.body.error?.message).toMatch(/busy.*send it again in \d+ seconds/);
}

describe.runIf(dialects.includes('mysql'))(
  'admission control on MariaDB: the wait for a database connection',
  () => {
    let node: TestNode;
    let admin: TestClient;
    beforeAll(async () => {
      // Two connections (the migration needs both), so two slow statements make everyone else wait.
      node = await startTestNode('mysql', {
        DB_POOL_MAX: '2',
        ADMISSION_WRITE_WAIT_MS: '50',
        ADMISSION_READ_WAIT_MS: '10000',
        ADMISSION_RETRY_AFTER_SECONDS: '3',
      });
      admin = createTestClient(node.url);
      await admin.trpc.auth.login.mutate(ADMIN);
    });
    afterAll(() => node?.stop());

    it('refuses new writes at once while the wait passes the budget, takes reads and auth.me, and takes writes again after', async () => {
      const siti = await employeeOn(node, admin, 'Siti');
      const budi = await employeeOn(node, admin, 'Budi');
      await siti.trpc.auth.me.query(); // the user's row is now in the node's cache
      const { sequelize } = node.node.deps.db;
      const holding = Promise.all([
        sequelize.query('SELECT SLEEP(2)'),
        sequelize.query('SELECT SLEEP(2)'),
      ]);
      await sleep(100);
      const waiting = sequelize.query('SELECT 1'); // waits for a connection from now on
      await sleep(200);

      const refused = await clockIn(node, budi);
      expectOverloaded(refused, '3');
      expect(refused.ms).toBeLessThan(1_000); // not queued behind the 2 s statement

      const [me, health, today] = await Promise.all([
        siti.trpc.auth.me.query(),
        fetch(`${node.url}/healthz`),
        siti.trpc.attendance.today.query(), // a read: its budget (10 s) is not passed
      ]);
      expect(me.name).toBe('Siti');
      expect(health.status).toBe(200);
      expect(today.records).toEqual([]);

      await Promise.all([holding, waiting]);
      const taken = await clockIn(node, budi);
      expect(taken.response.status).toBe(200);
      const budiToday = await budi.trpc.attendance.today.query();
      expect(budiToday.records).toHaveLength(1);
    });
  },
);

describe.runIf(dialects.includes('sqlite'))(
  'admission control on SQLite: writes in flight (no pool to wait for)',
  () => {
    let node: TestNode;
    let admin: TestClient;
    beforeAll(async () => {
      node = await startTestNode('sqlite', {
        ADMISSION_MAX_WRITES_IN_FLIGHT: '1',
        ADMISSION_RETRY_AFTER_SECONDS: '2',
      });
      admin = createTestClient(node.url);
      await admin.trpc.auth.login.mutate(ADMIN);
    });
    afterAll(() => node?.stop());

    it('refuses a second write while one is in flight, and the refused tap is taken when sent again', async () => {
      const siti = await employeeOn(node, admin, 'Siti');
      const budi = await employeeOn(node, admin, 'Budi');
      // One writer at a time on SQLite: this transaction keeps Siti's tap in flight for a while.
      const holding = node.node.deps.db.transaction(() => sleep(1_500));
      await sleep(50);
      const first = clockIn(node, siti);
      await sleep(200);
      const key = randomUUID();
      const refused = await clockIn(node, budi, key);
      expectOverloaded(refused, '2');
      expect(refused.ms).toBeLessThan(1_000);
      // Refusing many more than it takes: the wait it asks for grows, so the phones come back later.
      let lastRetryAfter = 2;
      for (let i = 0; i < 12; i++) {
        const again = await clockIn(node, budi);
        expect(again.response.status).toBe(503);
        lastRetryAfter = Number(again.response.headers.get('retry-after'));
      }
      expect(lastRetryAfter).toBeGreaterThan(2);
      expect(lastRetryAfter).toBeLessThanOrEqual(30);
      const me = await budi.trpc.auth.me.query();
      expect(me.name).toBe('Budi');

      await holding;
      expect((await first).response.status).toBe(200);
      const again = await clockIn(node, budi, key);
      expect(again.response.status).toBe(200);
      expect((await budi.trpc.attendance.today.query()).records).toHaveLength(1);
    });
  },
);

describe.runIf(dialects.includes('sqlite'))(
  'admission control on a node short of CPU: the event-loop delay, when turned on',
  () => {
    let node: TestNode;
    let admin: TestClient;
    beforeAll(async () => {
      node = await startTestNode('sqlite', { ADMISSION_MAX_EVENT_LOOP_DELAY_MS: '40' });
      admin = createTestClient(node.url);
      await admin.trpc.auth.login.mutate(ADMIN);
    });
    afterAll(() => node?.stop());

    it('refuses calls while the loop is late, never /healthz, and takes them again after', async () => {
      const siti = await employeeOn(node, admin, 'Siti');
      // Busy for 150 ms of every 160: the loop is late by about 70 ms on average.
      const busy = setInterval(() => {
        const until = performance.now() + 150;
        while (performance.now() < until);
      }, 10);
      try {
        await sleep(400);
        const refused = await clockIn(node, siti);
        expectOverloaded(refused, '2');
        expect((await fetch(`${node.url}/healthz`)).status).toBe(200);
      } finally {
        clearInterval(busy);
      }
      await sleep(400);
      expect((await clockIn(node, siti)).response.status).toBe(200);
    });
  },
);
