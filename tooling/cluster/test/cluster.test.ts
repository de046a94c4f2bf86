import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { chromium, type Page } from 'playwright-core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnvironment } from '@absensi/config';
import {
  createLiveClient,
  createTestClient,
  errorOf,
  openRaw,
  subscribe,
  upgradeStatus,
  type TestClient,
} from '@absensi/api/testing';
import { CONTENT_SECURITY_POLICY } from '@absensi/api-node';
import { createTempDatabase, type TempDatabase } from '@absensi/db/testing';
import { deleteKeys, testPrefix } from '@absensi/events/testing';
import type { AttendanceEvent } from '@absensi/events';
import {
  ENTRIES,
  fileSink,
  loopbackClusterSettings,
  startCluster,
  type RunningCluster,
} from '../src/index.js';

const CHROMIUM = '/usr/bin/chromium';
import { clusterServicesAvailable, freePortBlock } from './requirements.js';
import { TcpProxy } from './tcp-proxy.js';

const available = await clusterServicesAvailable();
const ADMIN = { email: 'admin@example.com', password: 'admin-password-1' };

/**
 * One HTTP request from another loopback address (127.0.0.x), as a client elsewhere reaches
 * nginx: nginx sees that address and appends it to X-Forwarded-For.
 */
function requestFrom(
  localAddress: string,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, localAddress },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    sent.on('error', reject);
    sent.end(options.body);
  });
}

/** A batch of login calls in one request, from `localAddress`; each call's tRPC code. */
async function batchedLogins(
  localAddress: string,
  url: string,
  email: string,
  count: number,
  headers: Record<string, string> = {},
): Promise<string[]> {
  const answer = await requestFrom(
    localAddress,
    `${url}/trpc/${Array.from({ length: count }, () => 'auth.login').join(',')}?batch=1`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(
        Object.fromEntries(
          Array.from({ length: count }, (_, index) => [
            index,
            { email, password: `guess-${index}-x` },
          ]),
        ),
      ),
    },
  );
  return (JSON.parse(answer.body) as { error?: { data: { code: string } } }[]).map(
    (call) => call.error?.data.code ?? 'OK',
  );
}

describe.runIf(available)(
  'the cluster: nginx, four API nodes, four subscribers, realtime, worker',
  () => {
    let cluster: RunningCluster;
    let database: TempDatabase;
    const prefix = testPrefix();
    const logDir = mkdtempSync(join(tmpdir(), 'absensi-cluster-'));
    // nginx's workers (not root) read the web app below it.
    chmodSync(logDir, 0o755);
    const logFile = join(logDir, 'cluster.log');
    const log = fileSink(logFile);
    const mysqlProxy = new TcpProxy('127.0.0.1', 3306);
    const redisProxy = new TcpProxy('127.0.0.1', 6379);
    let admin: TestClient;
    let adminLive: ReturnType<typeof createLiveClient>;
    const seen: { id: string; event: AttendanceEvent; at: number }[] = [];
    const employees: { id: number; client: TestClient }[] = [];

    const clockIn = (client: TestClient) =>
      client.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
    const clockOut = (client: TestClient) =>
      client.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
    const eventsFor = (attendanceId: number) =>
      seen.filter((entry) => entry.event.data.attendanceId === attendanceId);

    beforeAll(async () => {
      database = await createTempDatabase('mysql');
      const mysqlPort = await mysqlProxy.start();
      const redisPort = await redisProxy.start();
      const databaseUrl = new URL(database.url);
      databaseUrl.port = String(mysqlPort);
      const base = await freePortBlock(12);
      cluster = await startCluster(
        loopbackClusterSettings(base, {
          databaseUrl: databaseUrl.toString(),
          redisUrl: `redis://127.0.0.1:${redisPort}`,
          redisPrefix: prefix,
          sessionSecret: 's'.repeat(40),
          realtimeSecret: 'r'.repeat(40),
          adminEmail: ADMIN.email,
          adminPassword: ADMIN.password,
        }),
        { runDir: logDir, sink: log.sink, path: testEnvironment().path },
      );
      admin = createTestClient(cluster.url);
      await admin.trpc.auth.login.mutate(ADMIN);
      adminLive = createLiveClient(cluster.wsUrl, admin.cookieHeader());
      adminLive.trpc.live.attendance.subscribe(undefined, {
        onData: ({ id, data }) => seen.push({ id, event: data, at: Date.now() }),
      });
      // employee23 is the browser test's; employee24 is held at nginx's write cap.
      for (let index = 0; index < 25; index += 1) {
        const email = `employee${index}@example.com`;
        const created = await admin.trpc.admin.users.create.mutate({
          name: `Employee ${index}`,
          email,
          password: 'employee-password',
          department: index % 2 ? 'Ops' : 'Sales',
        });
        const client = createTestClient(cluster.url);
        await client.trpc.auth.login.mutate({ email, password: 'employee-password' });
        employees.push({ id: created.user.id, client });
      }
    }, 180_000);

    afterAll(async () => {
      void adminLive?.close();
      await cluster?.stop();
      await mysqlProxy.close();
      await redisProxy.close();
      await database?.drop();
      await deleteKeys(prefix);
      log.close();
    }, 60_000);

    const dump = () => readFileSync(logFile, 'utf8').split('\n').slice(-60).join('\n');

    it('carries a clock-in from the tap to the admin dashboard within a second, naming the node that wrote it', async () => {
      const employee = employees[0]!;
      const answer = await clockIn(employee.client);
      const answeredAt = Date.now();
      const node = employee.client.servedBy.at(-1)!;
      expect(node).toMatch(/^api-[1-4]$/);
      expect(answer.clockInNode).toBe(node);
      await expect
        .poll(() => eventsFor(answer.id).length, { timeout: 1_000, interval: 20 })
        .toBe(1);
      const [delivered] = eventsFor(answer.id);
      expect(delivered!.at - answeredAt).toBeLessThan(1_000);
      expect(delivered!.event).toMatchObject({
        type: 'AttendanceCreated',
        nodeId: node,
        data: { userId: employee.id, clockInNode: node },
      });
    });

    it('honours one session on every API node', async () => {
      const nodes = new Set<string>();
      for (const apiUrl of cluster.apiUrls) {
        const direct = createTestClient(apiUrl, { cookie: admin.cookieHeader() });
        expect(await direct.trpc.auth.me.query()).toMatchObject({ email: ADMIN.email });
        nodes.add(direct.servedBy.at(-1)!);
      }
      expect([...nodes].sort()).toEqual(['api-1', 'api-2', 'api-3', 'api-4']);
    });

    it('loses no clock-in and doubles none when an API node is killed under load', async () => {
      const batch = employees.slice(1, 17);
      const pending = batch.map(async (employee, index) => {
        await new Promise((resolve) => setTimeout(resolve, index * 40));
        return clockIn(employee.client);
      });
      setTimeout(() => cluster.supervisor.kill('api-2', 'SIGKILL'), 200);
      const answers = await Promise.all(pending);
      expect(new Set(answers.map((answer) => answer.userId))).toEqual(
        new Set(batch.map((employee) => employee.id)),
      );
      await expect
        .poll(() => answers.every((answer) => eventsFor(answer.id).length === 1), {
          timeout: 5_000,
        })
        .toBe(true);
      for (const answer of answers) expect(eventsFor(answer.id)).toHaveLength(1);
      const dashboard = await admin.trpc.admin.dashboard.query();
      expect(dashboard.counts.present).toBe(17);
      expect(cluster.supervisor.restartCount('api-2'), dump()).toBeGreaterThanOrEqual(1);
      await expect
        .poll(async () => (await fetch(`${cluster.apiUrls[1]}/readyz`).catch(() => null))?.status, {
          timeout: 20_000,
        })
        .toBe(200);
    }, 60_000);

    it('keeps dashboards live with three of four subscribers down', async () => {
      for (const name of ['subscriber-1', 'subscriber-2', 'subscriber-3'])
        await cluster.supervisor.hold(name);
      try {
        const answer = await clockOut(employees[0]!.client);
        await expect
          .poll(
            () => eventsFor(answer.id).some((entry) => entry.event.type === 'AttendanceUpdated'),
            { timeout: 1_000, interval: 20 },
          )
          .toBe(true);
      } finally {
        for (const name of ['subscriber-1', 'subscriber-2', 'subscriber-3'])
          cluster.supervisor.resume(name);
      }
    });

    it('gives a resuming client exactly what it missed while realtime restarted', async () => {
      const before = seen.length;
      await cluster.supervisor.hold('realtime');
      const missed = [
        await clockIn(employees[17]!.client),
        await clockIn(employees[18]!.client),
        await clockOut(employees[17]!.client),
      ];
      cluster.supervisor.resume('realtime');
      const describe = () =>
        JSON.stringify(
          seen
            .slice(before)
            .map((entry) => [
              entry.id,
              entry.event.type,
              entry.event.data.attendanceId,
              entry.event.nodeId,
            ]),
        );
      await expect
        .poll(() => seen.length - before, { timeout: 20_000, message: describe() })
        .toBeGreaterThanOrEqual(3);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const after = seen.slice(before);
      expect(
        after,
        `missed ${JSON.stringify(missed.map((answer) => answer.id))} got ${describe()}`,
      ).toHaveLength(3);
      expect(after.map((entry) => [entry.event.data.attendanceId, entry.event.type])).toEqual([
        [missed[0]!.id, 'AttendanceCreated'],
        [missed[1]!.id, 'AttendanceCreated'],
        [missed[2]!.id, 'AttendanceUpdated'],
      ]);
      expect(new Set(seen.map((entry) => entry.id)).size).toBe(seen.length);
    }, 40_000);

    it('commits clock-ins while Redis is unreachable and delivers their events once it is back', async () => {
      await redisProxy.cut();
      let answer;
      try {
        answer = await clockIn(employees[19]!.client);
        expect(answer.userId).toBe(employees[19]!.id);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(eventsFor(answer.id)).toHaveLength(0);
      } finally {
        await redisProxy.restore();
      }
      await expect.poll(() => eventsFor(answer.id).length, { timeout: 20_000 }).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(eventsFor(answer.id)).toHaveLength(1);
    }, 40_000);

    it('answers 503 with Retry-After while MariaDB is down, and recovers by itself', async () => {
      const employee = employees[20]!;
      await mysqlProxy.cut();
      try {
        const response = await fetch(`${cluster.url}/trpc/attendance.today`, {
          headers: { cookie: employee.client.cookieHeader() },
        });
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
        const body = (await response.json()) as { error: { message: string } };
        expect(body.error.message).toMatch(/database is unavailable/);
        const error = await errorOf(clockIn(employee.client));
        expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', httpStatus: 503 });
        expect((await fetch(`${cluster.apiUrls[0]}/readyz`)).status).toBe(503);
      } finally {
        await mysqlProxy.restore();
      }
      await expect
        .poll(async () => (await fetch(`${cluster.apiUrls[0]}/readyz`)).status, { timeout: 20_000 })
        .toBe(200);
      const answer = await clockIn(employee.client);
      expect(answer.userId).toBe(employee.id);
    }, 40_000);

    it("refuses writes past nginx's cap at once (503, Retry-After, OVERLOADED) while reads and the admitted taps go on", async () => {
      // The cap is nginx.conf's own: writes in flight through this nginx, all nodes together.
      const cap = Number(
        /limit_conn absensi_writes (\d+);/.exec(readFileSync(ENTRIES.nginxConf, 'utf8'))?.[1],
      );
      expect(cap).toBeGreaterThan(0);
      const employee = employees[24]!;
      const post = (body: unknown) =>
        fetch(`${cluster.url}/trpc/attendance.clockIn`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: employee.client.cookieHeader() },
          body: JSON.stringify(body),
        });
      // Hold every clock-in inside its transaction: the outbox table is locked, so `cap` doubled
      // sendings of one tap stay in flight (the first at the outbox, the rest behind its row).
      const { createConnection } = await import('mysql2/promise');
      const locker = await createConnection(database.url);
      // A connection holding LOCK TABLES may read no other table: a second one watches.
      const watcher = await createConnection(database.url);
      const tap = { idempotencyKey: randomUUID() };
      let held: Promise<Response>[] = [];
      try {
        await locker.query('LOCK TABLES events WRITE');
        held = Array.from({ length: cap }, () => post(tap));
        const inFlight = async () => {
          // Statements running on this test's database (the held clock-ins), the watcher's aside.
          const [rows] = await watcher.query(
            `SELECT COUNT(*) AS n FROM information_schema.processlist
              WHERE db = DATABASE() AND command <> 'Sleep' AND id <> CONNECTION_ID()`,
          );
          return Number((rows as { n: number }[])[0]!.n);
        };
        await expect
          .poll(inFlight, { timeout: 15_000, message: 'the held clock-ins never all started' })
          .toBeGreaterThanOrEqual(cap);
        const refused = await post({ idempotencyKey: randomUUID() });
        expect(refused.status).toBe(503);
        expect(refused.headers.get('retry-after')).toBe('2');
        // nginx answered, not a node.
        expect(refused.headers.get('x-app-node')).toBeNull();
        const body = (await refused.json()) as {
          error: { message: string; data: { reason: string; retryAfterSeconds: number } };
        };
        expect(body.error.data).toMatchObject({ reason: 'OVERLOADED', retryAfterSeconds: 2 });
        expect(body.error.message).toMatch(/send it again/);
        // Sign-ins and reads are not counted against the cap.
        const signIn = await fetch(`${cluster.url}/trpc/auth.login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'employee22@example.com', password: 'employee-password' }),
        });
        expect(signIn.status).toBe(200);
        const today = await fetch(`${cluster.url}/trpc/attendance.today`, {
          headers: { cookie: employees[0]!.client.cookieHeader() },
        });
        expect(today.status).toBe(200);
      } finally {
        await locker.query('UNLOCK TABLES');
        await locker.end();
        await Promise.allSettled(held);
      }
      const answers = await Promise.all(held);
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
      const ids = await Promise.all(
        answers.map(
          async (answer) =>
            ((await answer.json()) as { result: { data: { id: number } } }).result.data.id,
        ),
      );
      expect(new Set(ids).size).toBe(1);
      const [rows] = await watcher.query('SELECT COUNT(*) AS n FROM attendance WHERE user_id = ?', [
        employee.id,
      ]);
      await watcher.end();
      expect(Number((rows as { n: number }[])[0]!.n)).toBe(1);
    }, 60_000);

    it('refuses anonymous WebSockets and ingest without the secret, and shows employees only their own events', async () => {
      const { WebSocket } = await import('ws');
      const status = await new Promise<number>((resolve) => {
        const socket = new WebSocket(cluster.wsUrl);
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('open', () => resolve(101));
        socket.on('error', () => undefined);
      });
      expect(status).toBe(401);

      const ingest = `${cluster.ingestUrl}/internal/events`;
      const body = JSON.stringify({ events: [seen[0]!.event] });
      expect(
        (
          await fetch(ingest, {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/json' },
          })
        ).status,
      ).toBe(401);
      expect(
        (
          await fetch(ingest, {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/json', authorization: 'Bearer wrong' },
          })
        ).status,
      ).toBe(401);
      expect([404, 405]).toContain(
        (await fetch(`${cluster.url}/internal/events`, { method: 'POST', body })).status,
      );

      const own = employees[21]!;
      const ownLive = createLiveClient(cluster.wsUrl, own.client.cookieHeader());
      const received: number[] = [];
      ownLive.trpc.live.attendance.subscribe(undefined, {
        onData: ({ data }) => received.push(data.data.userId),
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      await clockIn(employees[22]!.client);
      const mine = await clockIn(own.client);
      await expect.poll(() => eventsFor(mine.id).length).toBe(1);
      await expect.poll(() => received.length).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received).toEqual([own.id]);
      void ownLive.close();
    });

    it('exports the month through the worker, with progress on live.job and one line per record', async () => {
      const today = await employees[0]!.client.trpc.attendance.today.query();
      const month = today.workDate.slice(0, 7);
      const inMonth = (
        await admin.trpc.admin.attendance.list.query({
          from: `${month}-01`,
          to: today.workDate,
          limit: 200,
        })
      ).items.length;
      expect(inMonth).toBeGreaterThan(20);

      for (const format of ['csv', 'xlsx'] as const) {
        const { jobId } = await admin.trpc.admin.reports.export.mutate({
          month,
          format,
          language: 'en',
        });
        const progress: { state: string; percent: number; downloadUrl: string | null }[] = [];
        const subscription = adminLive.trpc.live.job.subscribe(
          { jobId },
          { onData: ({ data }) => progress.push(data) },
        );
        await expect.poll(() => progress.at(-1)?.state, { timeout: 30_000 }).toBe('succeeded');
        subscription.unsubscribe();
        // In order: queued, running, succeeded (the worker may start before the API has answered).
        expect(progress[0]?.state).toBe('queued');
        expect(progress.some((step) => step.state === 'running')).toBe(true);
        const percents = progress.map((step) => step.percent);
        expect(percents).toEqual([...percents].sort((a, b) => a - b));
        const download = await fetch(`${cluster.url}${progress.at(-1)!.downloadUrl}`, {
          headers: { cookie: admin.cookieHeader() },
        });
        expect(download.status).toBe(200);
        const content = Buffer.from(await download.arrayBuffer());
        if (format === 'csv') {
          const lines = content
            .toString('utf8')
            .replace(/^\uFEFF/, '')
            .trim()
            .split('\n');
          expect(lines[0]).toMatch(/^Work date,Employee,Email,Department,Clock in/);
          expect(lines).toHaveLength(inMonth + 1);
        } else {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(content as unknown as ArrayBuffer);
          expect(workbook.worksheets[0]!.rowCount).toBe(inMonth + 1);
        }
        const stranger = await fetch(`${cluster.url}${progress.at(-1)!.downloadUrl}`, {
          headers: { cookie: employees[0]!.client.cookieHeader() },
        });
        expect(stranger.status).toBe(401);
      }
    }, 90_000);

    it("updates an admin's dashboard in the browser within a second of a clock-in, through nginx", async () => {
      if (!existsSync(CHROMIUM) || !existsSync(join(ENTRIES.web, 'index.html'))) {
        if (testEnvironment().ci)
          throw new Error('Chromium and the built web app are required in CI');
        console.warn('SKIPPING the browser half of the cluster test: no Chromium or no web build');
        return;
      }
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      try {
        const signIn = async (page: Page, email: string, password: string) => {
          await page.goto(cluster.url);
          await page.getByLabel('Email').fill(email);
          await page.getByLabel('Password').fill(password);
          await page.getByRole('button', { name: 'Sign in' }).click();
          await expect
            .poll(() => page.getByTestId('clock-state').isVisible(), { timeout: 15_000 })
            .toBe(true);
        };
        const adminContext = await browser.newContext({
          viewport: { width: 1280, height: 900 },
          locale: 'en-GB',
        });
        const adminPage = await adminContext.newPage();
        await signIn(adminPage, ADMIN.email, ADMIN.password);
        await adminPage.getByRole('link', { name: 'Dashboard' }).click();
        await expect
          .poll(() => adminPage.getByTestId('live').textContent(), { timeout: 15_000 })
          .toBe('Live');

        const phone = {
          viewport: { width: 360, height: 640 },
          isMobile: true,
          hasTouch: true,
          locale: 'en-GB',
        };
        const employeePage = await (await browser.newContext(phone)).newPage();
        await signIn(employeePage, 'employee23@example.com', 'employee-password');
        await expect
          .poll(() => employeePage.getByTestId('clock-state').textContent())
          .toBe('Not clocked in');
        const feedHas = async (text: string) =>
          ((await adminPage.getByTestId('feed').textContent()) ?? '').includes(text);

        await employeePage.getByTestId('tap').click();
        await expect.poll(() => employeePage.getByTestId('answer').isVisible()).toBe(true);
        const answered = Date.now();
        await expect
          .poll(() => feedHas('Employee 23 clocked in'), { timeout: 1_000, interval: 20 })
          .toBe(true);
        expect(Date.now() - answered).toBeLessThanOrEqual(1_000);
        // Which of the four nodes took it is on the admin's System page, not on HR's feed.
        expect(await adminPage.getByTestId('feed').textContent()).not.toMatch(/api-[1-4]/);
        await adminPage.getByRole('link', { name: 'System' }).click();
        await expect.poll(() => adminPage.getByTestId('nodes').textContent()).toMatch(/api-[1-4]/);
      } finally {
        await browser.close();
      }
    }, 90_000);

    describe('security (issue 13), through nginx, on MariaDB and Redis', () => {
      const login = (localAddress: string, email: string, password: string, spoof?: string) =>
        requestFrom(localAddress, `${cluster.url}/trpc/auth.login`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(spoof ? { 'x-forwarded-for': spoof } : {}),
          },
          body: JSON.stringify({ email, password }),
        });
      const codeOf = (answer: { body: string }) =>
        (JSON.parse(answer.body) as { error?: { data: { code: string } } }).error?.data.code ??
        'OK';

      beforeAll(async () => {
        for (const name of ['locked', 'batched', 'rina'])
          await admin.trpc.admin.users.create.mutate({
            name,
            email: `${name}@example.com`,
            password: `${name}-password-1`,
            role: name === 'rina' ? 'admin' : 'employee',
          });
      });

      it('checks 5 passwords among 30 parallel logins spread over the nodes, whatever X-Forwarded-For the client writes', async () => {
        const answers = await Promise.all(
          Array.from({ length: 30 }, (_, index) =>
            login('127.0.0.21', 'locked@example.com', `guess-${index}-x`, `10.0.0.${index + 1}`),
          ),
        );
        const codes = answers.map(codeOf);
        expect(codes.filter((code) => code === 'UNAUTHORIZED')).toHaveLength(5);
        expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(25);
        const nodes = new Set(answers.map((answer) => answer.headers['x-app-node']));
        expect(nodes.size).toBeGreaterThan(1);
        // Even the right password, and from a "new" address of its own making, waits.
        expect(
          codeOf(await login('127.0.0.21', 'locked@example.com', 'locked-password-1', '10.9.9.9')),
        ).toBe('TOO_MANY_REQUESTS');
        // The person, elsewhere, signs in.
        expect(codeOf(await login('127.0.0.22', 'locked@example.com', 'locked-password-1'))).toBe(
          'OK',
        );
      });

      it('checks 5 passwords in two batches of 10, and refuses a batch of 11', async () => {
        const codes = [
          ...(await batchedLogins('127.0.0.23', cluster.url, 'batched@example.com', 10)),
          ...(await batchedLogins('127.0.0.23', cluster.url, 'batched@example.com', 10)),
        ];
        expect(codes.filter((code) => code === 'UNAUTHORIZED')).toHaveLength(5);
        expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(15);
        const tooBig = await requestFrom(
          '127.0.0.24',
          `${cluster.url}/trpc/${Array.from({ length: 11 }, () => 'auth.me').join(',')}?batch=1`,
        );
        expect(tooBig.status).toBe(400);
        expect(tooBig.body).toContain('One request may carry at most 10 calls');
      });

      it("closes a demoted admin's socket within 2 s, and every node refuses the session at once", async () => {
        const rina = createTestClient(cluster.url);
        await rina.trpc.auth.login.mutate({
          email: 'rina@example.com',
          password: 'rina-password-1',
        });
        const rinaId = (await rina.trpc.auth.me.query()).id;
        // Every node has read her lately (its 5 s cache): only the notice can make them forget.
        for (const apiUrl of cluster.apiUrls)
          expect(
            (await createTestClient(apiUrl, { cookie: rina.cookieHeader() }).trpc.auth.me.query())
              .role,
          ).toBe('admin');
        const socket = await openRaw(cluster.wsUrl, {
          cookie: rina.cookieHeader(),
          origin: cluster.url,
        });
        socket.send(subscribe(1, 'live.attendance', {}));
        await expect.poll(() => socket.of(1).length).toBe(1);
        const data = () => socket.of(1).filter((frame) => frame.result?.type === 'data');
        const clocker = employees[5]!.client;
        const tap = async () =>
          (await clocker.trpc.attendance.today.query()).open ? clockOut(clocker) : clockIn(clocker);
        await tap();
        await expect.poll(() => data().length).toBe(1);

        const demoted = Date.now();
        await admin.trpc.admin.users.update.mutate({ id: rinaId, role: 'employee' });
        await expect.poll(() => socket.closed, { timeout: 2_000, interval: 20 }).toBe(true);
        expect(socket.closeCode?.code).toBe(4401);
        for (const apiUrl of cluster.apiUrls)
          expect(
            (
              await errorOf(
                createTestClient(apiUrl, { cookie: rina.cookieHeader() }).trpc.auth.me.query(),
              )
            ).code,
          ).toBe('UNAUTHORIZED');
        expect(Date.now() - demoted).toBeLessThan(2_000);
        // The admin's own subscription sees the next tap; Rina's closed socket does not.
        const seenBefore = seen.length;
        await tap();
        await expect.poll(() => seen.length).toBeGreaterThan(seenBefore);
        expect(data()).toHaveLength(1);
      });

      it('opens /ws to the page of its own origin only', async () => {
        const cookie = admin.cookieHeader();
        expect((await upgradeStatus(cluster.wsUrl, { cookie, origin: cluster.url })).status).toBe(
          101,
        );
        for (const origin of ['https://evil.example', 'http://127.0.0.1:1', 'null'])
          expect((await upgradeStatus(cluster.wsUrl, { cookie, origin })).status).toBe(403);
      });

      it('sends the security headers once on the app, its routes, its assets and the API, HSTS only over HTTPS', async () => {
        const asset = readdirSync(join(ENTRIES.web, 'assets')).find((name) => name.endsWith('.js'));
        const paths = ['/', '/admin', '/admin/users', '/sw.js', '/trpc/auth.me'];
        if (asset) paths.push(`/assets/${asset}`);
        for (const path of paths) {
          const answer = await requestFrom('127.0.0.25', `${cluster.url}${path}`);
          expect({ path, csp: answer.headers['content-security-policy'] }).toEqual({
            path,
            csp: CONTENT_SECURITY_POLICY,
          });
          expect(answer.headers).toMatchObject({
            'x-frame-options': 'DENY',
            'x-content-type-options': 'nosniff',
            'referrer-policy': 'no-referrer',
            'permissions-policy': 'geolocation=(self), camera=(), microphone=()',
          });
          expect(answer.headers['strict-transport-security']).toBeUndefined();
          if (path.startsWith('/assets/'))
            expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
          else if (!path.startsWith('/trpc'))
            expect(answer.headers['cache-control']).toBe('no-cache');
        }
        const behindTls = await requestFrom('127.0.0.25', `${cluster.url}/admin`, {
          headers: { 'x-forwarded-proto': 'https' },
        });
        expect(behindTls.headers['strict-transport-security']).toBe('max-age=15552000');
      });

      it("sends the app's files compressed at build time, as they are, to a browser that takes gzip", async () => {
        const assets = join(ENTRIES.web, 'assets');
        const script = readdirSync(assets).find((name) => name.endsWith('.js'))!;
        const answer = await requestFrom('127.0.0.25', `${cluster.url}/assets/${script}`, {
          headers: { 'accept-encoding': 'gzip' },
        });
        expect(answer.headers['content-encoding']).toBe('gzip');
        expect(answer.headers.vary).toMatch(/accept-encoding/i);
        // The build's own file (its length is known up front): not compressed again per request.
        expect(Number(answer.headers['content-length'])).toBe(
          statSync(join(assets, `${script}.gz`)).size,
        );
        const plain = await requestFrom('127.0.0.25', `${cluster.url}/assets/${script}`);
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.body).toBe(readFileSync(join(assets, script), 'utf8'));
      });

      it('keeps /metrics off the public port and closed without a token', async () => {
        const throughNginx = await requestFrom('127.0.0.26', `${cluster.url}/metrics`);
        expect(throughNginx.body).not.toContain('absensi_');
        expect((await fetch(`${cluster.apiUrls[0]}/metrics`)).status).toBe(404);
      });
    });
  },
);
