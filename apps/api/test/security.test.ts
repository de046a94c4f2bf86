/**
 * Issue 13 over real HTTP and the real /ws, on SQLite and MariaDB: the login limit under
 * parallel and batched calls, sessions and sockets that end with the access they were given,
 * who may open /ws, the guards of the contract (batch size, body size, JSON only, NUL, text,
 * dates, time zones), the security headers and /metrics.
 *
 * Each block starts its own node with the settings it needs, one after the other: nodes in one
 * process share Sequelize's model classes, so two may not run at once.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_SIGNED_OUT, MAX_BATCH_CALLS } from '@absensi/api';
import {
  createTestClient,
  errorOf,
  openRaw,
  subscribe,
  upgradeStatus,
  type RawSocket,
  type TestClient,
} from '@absensi/api/testing';
import { dialectsUnderTest } from '@absensi/db/testing';
import { CONTENT_SECURITY_POLICY } from '../src/plugins/security-headers.js';
import { ADMIN, METRICS_TOKEN, startTestNode, type TestNode } from './node.js';

const dialects = await dialectsUnderTest();

let addressCounter = 0;
/** A client address of its own (TRUST_PROXY=1: the node takes the last X-Forwarded-For entry). */
const nextAddress = () => {
  addressCounter += 1;
  return `198.51.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
};
const from = (address: string) => ({ 'x-forwarded-for': address });

/** One POST of `calls` batched calls, as httpBatchLink sends them; the answers in order. */
async function batch(
  node: TestNode,
  calls: { path: string; input: unknown }[],
  headers: Record<string, string> = {},
) {
  const response = await fetch(
    `${node.url}/trpc/${calls.map((call) => call.path).join(',')}?batch=1`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(Object.fromEntries(calls.map((call, index) => [index, call.input]))),
    },
  );
  return { status: response.status, body: await response.json() };
}

type Answer = { result?: unknown; error?: { message: string; data: { code: string } } };
const codesOf = (answers: Answer[]) => answers.map((answer) => answer.error?.data.code ?? 'OK');
const count = (codes: string[], code: string) => codes.filter((item) => item === code).length;

async function signedIn(node: TestNode, email: string, password: string, address = nextAddress()) {
  const client = createTestClient(node.url, from(address));
  await client.trpc.auth.login.mutate({ email, password });
  return client;
}

describe.each(dialects)('security on %s', (dialect) => {
  describe('the login limit', () => {
    let node: TestNode;
    let admin: TestClient;
    beforeAll(async () => {
      node = await startTestNode(dialect, {
        TRUST_PROXY: '1',
        LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '12',
      });
      admin = await signedIn(node, ADMIN.email, ADMIN.password);
      for (const name of ['parallel', 'batched', 'target', 'spray'])
        await admin.trpc.admin.users.create.mutate({
          name,
          email: `${name}@example.com`,
          password: `${name}-password-1`,
        });
    });
    afterAll(() => node?.stop());

    it('checks at most 5 passwords among 30 parallel requests, then refuses even the right one', async () => {
      const address = nextAddress();
      const attempts = await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          errorOf(
            createTestClient(node.url, from(address)).trpc.auth.login.mutate({
              email: 'parallel@example.com',
              password: `wrong-guess-${index}`,
            }),
          ),
        ),
      );
      const codes = attempts.map((attempt) => attempt.code);
      expect(count(codes, 'UNAUTHORIZED')).toBe(5);
      expect(count(codes, 'TOO_MANY_REQUESTS')).toBe(25);
      const right = await errorOf(
        createTestClient(node.url, from(address)).trpc.auth.login.mutate({
          email: 'parallel@example.com',
          password: 'parallel-password-1',
        }),
      );
      expect(right).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429 });
      expect(right.message).toMatch(/^Too many failed sign-ins\. Try again in \d+ minute\(s\)\.$/);
    });

    it(`checks at most 5 passwords in batches of ${MAX_BATCH_CALLS}, and refuses a bigger batch whole`, async () => {
      const address = nextAddress();
      const logins = (size: number) =>
        Array.from({ length: size }, (_, index) => ({
          path: 'auth.login',
          input: { email: 'batched@example.com', password: `wrong-guess-${index}` },
        }));
      const first = await batch(node, logins(MAX_BATCH_CALLS), from(address));
      const second = await batch(node, logins(MAX_BATCH_CALLS), from(address));
      const codes = [...codesOf(first.body as Answer[]), ...codesOf(second.body as Answer[])];
      expect(count(codes, 'UNAUTHORIZED')).toBe(5);
      expect(count(codes, 'TOO_MANY_REQUESTS')).toBe(15);

      const tooBig = await batch(node, logins(MAX_BATCH_CALLS + 1), from(nextAddress()));
      expect(tooBig.status).toBe(400);
      expect(JSON.stringify(tooBig.body)).toContain(
        `One request may carry at most ${MAX_BATCH_CALLS} calls; send the others in another request.`,
      );
    });

    it('lets the person sign in from their own address while a stranger is locked out', async () => {
      const stranger = nextAddress();
      for (let attempt = 0; attempt < 5; attempt += 1)
        expect(
          (
            await errorOf(
              createTestClient(node.url, from(stranger)).trpc.auth.login.mutate({
                email: 'target@example.com',
                password: `guess-${attempt}-x`,
              }),
            )
          ).code,
        ).toBe('UNAUTHORIZED');
      expect(
        (
          await errorOf(
            createTestClient(node.url, from(stranger)).trpc.auth.login.mutate({
              email: 'target@example.com',
              password: 'target-password-1',
            }),
          )
        ).code,
      ).toBe('TOO_MANY_REQUESTS');
      const person = await signedIn(node, 'target@example.com', 'target-password-1');
      expect((await person.trpc.auth.me.query()).email).toBe('target@example.com');
    });

    it('stops one address guessing at many emails, and only that address', async () => {
      const sprayer = nextAddress();
      for (let index = 0; index < 12; index += 1)
        expect(
          (
            await errorOf(
              createTestClient(node.url, from(sprayer)).trpc.auth.login.mutate({
                email: `someone${index}@example.com`,
                password: 'password123',
              }),
            )
          ).code,
        ).toBe('UNAUTHORIZED');
      expect(
        (
          await errorOf(
            createTestClient(node.url, from(sprayer)).trpc.auth.login.mutate({
              email: 'spray@example.com',
              password: 'spray-password-1',
            }),
          )
        ).code,
      ).toBe('TOO_MANY_REQUESTS');
      await signedIn(node, 'spray@example.com', 'spray-password-1');
    });
  });

  describe('the guards of the contract', () => {
    let node: TestNode;
    let admin: TestClient;
    let employee: TestClient;
    let webRoot: string;
    beforeAll(async () => {
      webRoot = mkdtempSync(join(tmpdir(), 'absensi-web-root-'));
      mkdirSync(join(webRoot, 'assets'));
      writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Absensi</title>');
      writeFileSync(join(webRoot, 'assets', 'app-1a2b.js'), 'export {};');
      // No TRUST_PROXY (X-Forwarded-For means nothing) and no METRICS_TOKEN.
      node = await startTestNode(dialect, { WEB_DIST: webRoot, METRICS_TOKEN: '' });
      admin = await signedIn(node, ADMIN.email, ADMIN.password);
      await admin.trpc.admin.users.create.mutate({
        name: 'Guarded',
        email: 'guarded@example.com',
        password: 'guarded-password-1',
        department: 'Gudang',
      });
      employee = await signedIn(node, 'guarded@example.com', 'guarded-password-1');
    });
    afterAll(() => node?.stop());

    const rows = async () => {
      const { User, Attendance, AuditLog, SettingsRow } = node.node.deps.db.models;
      return {
        users: await User.count(),
        attendance: await Attendance.count(),
        audit: await AuditLog.count(),
        settings: JSON.stringify(await SettingsRow.findByPk(1)),
      };
    };

    it('counts a client by its own address when no proxy is trusted, whatever X-Forwarded-For says', async () => {
      for (let attempt = 0; attempt < 5; attempt += 1)
        await errorOf(
          createTestClient(node.url, from(`203.0.113.${attempt + 1}`)).trpc.auth.login.mutate({
            email: 'guarded@example.com',
            password: `guess-${attempt}-x`,
          }),
        );
      expect(
        (
          await errorOf(
            createTestClient(node.url, from('203.0.113.99')).trpc.auth.login.mutate({
              email: 'guarded@example.com',
              password: 'guarded-password-1',
            }),
          )
        ).code,
      ).toBe('TOO_MANY_REQUESTS');
    });

    it('refuses a body over 256 KiB with 413, before any procedure runs', async () => {
      const before = await rows();
      const response = await fetch(`${node.url}/trpc/admin.users.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: admin.cookieHeader() },
        body: JSON.stringify({ name: 'x'.repeat(300 * 1024), email: 'big@example.com' }),
      });
      expect(response.status).toBe(413);
      expect(await rows()).toEqual(before);
    });

    it('takes changes only as JSON: a form from another site cannot send one', async () => {
      const before = await rows();
      const form = new FormData();
      form.set('name', 'From a form');
      form.set('email', 'form@example.com');
      for (const body of [
        form,
        new URLSearchParams({ name: 'From a form', email: 'form@example.com' }),
        new Blob(['{"name":"From a form","email":"form@example.com"}'], { type: 'text/plain' }),
      ]) {
        const response = await fetch(`${node.url}/trpc/admin.users.create`, {
          method: 'POST',
          headers: { cookie: admin.cookieHeader() },
          body,
        });
        expect(response.status).toBe(415);
        const answer = (await response.json()) as {
          error: { message: string; data: { code: string } };
        };
        expect(answer.error.data.code).toBe('UNSUPPORTED_MEDIA_TYPE');
        expect(answer.error.message).toMatch(/Content-Type: application\/json/);
      }
      const logout = await fetch(`${node.url}/trpc/auth.logout`, {
        method: 'POST',
        headers: {
          cookie: admin.cookieHeader(),
          'content-type': 'multipart/form-data; boundary=x',
        },
        body: '--x--\r\n',
      });
      expect(logout.status).toBe(415);
      expect((await admin.trpc.auth.me.query()).email).toBe(ADMIN.email);
      expect(await rows()).toEqual(before);
    });

    it('answers NUL anywhere in an input with 400, never a 500', async () => {
      const before = await rows();
      const calls: (() => Promise<unknown>)[] = [
        () => admin.trpc.admin.users.list.query({ search: 'Siti\u0000' }),
        () =>
          admin.trpc.admin.users.create.mutate({
            name: 'Siti\u0000Rahayu',
            email: 'nul@example.com',
          }),
        () => admin.trpc.admin.users.update.mutate({ id: 1, department: '\u0000' }),
        () =>
          admin.trpc.admin.attendance.list.query({
            from: '2026-01-01',
            to: '2026-01-31',
            department: 'Gudang\u0000',
          }),
        () =>
          employee.trpc.attendance.clockIn.mutate({
            idempotencyKey: randomUUID(),
            note: 'a\u0000b',
          }),
        () =>
          createTestClient(node.url).trpc.auth.login.mutate({
            email: 'guarded@example.com',
            password: 'pass\u0000word',
          }),
      ];
      for (const call of calls) {
        const refused = await errorOf(call());
        expect(refused).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
        expect(refused.message).toBe(
          'Text must not contain NUL characters (\\u0000). Remove them and try again.',
        );
      }
      expect(await rows()).toEqual(before);
    });

    it('refuses names, departments, notes and reasons that hide or reverse text', async () => {
      const before = await rows();
      const nameCases: [string, RegExp][] = [
        ['Siti\tRahayu', /^name: must not contain control characters/],
        ['Siti\nRahayu', /^name: must not contain control characters/],
        ['Siti\u0085Rahayu', /^name: must not contain control characters/],
        ['\u202EuyahaR itiS', /^name: must not contain characters that reverse the text direction/],
        ['Siti \u2067Rahayu\u2069', /^name: must not contain characters that reverse/],
        ['\u200B\u200B\u200D', /^name: must not be empty$/],
        ['   \u3000 ', /^name: must not be empty$/],
        ['Siti \ud800', /^name: must be readable text/],
      ];
      for (const [name, message] of nameCases) {
        const refused = await errorOf(
          admin.trpc.admin.users.create.mutate({ name, email: 'text@example.com' }),
        );
        expect({ name, code: refused.code, message: refused.message }).toMatchObject({
          name,
          code: 'BAD_REQUEST',
          message: expect.stringMatching(message) as string,
        });
      }
      for (const department of ['  ', '\u200B', 'Gudang\u202E'])
        expect(
          (await errorOf(admin.trpc.admin.users.update.mutate({ id: 1, department }))).message,
        ).toMatch(/^department: /);
      const note = await errorOf(
        employee.trpc.attendance.clockIn.mutate({
          idempotencyKey: randomUUID(),
          note: 'ok\u202Ekcab',
        }),
      );
      expect(note.message).toMatch(/^note: must not contain characters that reverse/);
      const reason = await errorOf(
        admin.trpc.admin.attendance.correct.mutate({
          id: 1,
          status: 'late',
          reason: '\u200B\u200B\u200B\u200B\u200B\u200B',
        }),
      );
      expect(reason.message).toBe('reason: must say why, in at least 5 characters');
      expect(await rows()).toEqual(before);

      // Letters of any script, and a multi-line note, are text like any other.
      for (const name of ['محمد علي', 'Nguyễn Thị Ánh', 'Ni Luh Putu Ayu'])
        await admin.trpc.admin.users.create.mutate({
          name,
          email: `${randomUUID()}@example.com`,
          department: 'Kantor Pusat',
        });
      const tap = await employee.trpc.attendance.clockIn.mutate({
        idempotencyKey: randomUUID(),
        note: 'Ban bocor,\n\tdatang terlambat',
      });
      expect(tap.userId).toBeGreaterThan(0);
      await employee.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
    });

    it('refuses dates outside 2000-2099', async () => {
      const before = await rows();
      for (const at of [
        '0000-01-01T00:00:00Z',
        '9999-12-31T23:59:59Z',
        '1999-12-31T23:59:59+07:00',
      ])
        expect(
          (
            await errorOf(
              admin.trpc.admin.attendance.correct.mutate({
                id: 1,
                clockInAt: at,
                reason: 'typed it in',
              }),
            )
          ).message,
        ).toBe('clockInAt: must be in the years 2000 to 2099');
      expect(
        (
          await errorOf(
            admin.trpc.admin.attendance.list.query({ from: '1999-12-31', to: '2026-01-01' }),
          )
        ).message,
      ).toBe('from: must be in the years 2000 to 2099');
      expect(
        (await errorOf(employee.trpc.attendance.history.query({ month: '2100-01' }))).message,
      ).toBe('month: must be in the years 2000 to 2099');
      expect(await rows()).toEqual(before);
    });

    it('takes only IANA time zones, and survives one stored before they were checked', async () => {
      for (const timeZone of ['UTC+7', 'local', 'UTC-99', '+07:00', 'Mars/Olympus', 'GMT+7'])
        expect(
          (await errorOf(admin.trpc.admin.settings.update.mutate({ timeZone }))).message,
          timeZone,
        ).toBe(
          'timeZone: must be an IANA time zone such as Asia/Jakarta (not an offset such as UTC+7)',
        );
      expect(
        (await admin.trpc.admin.settings.update.mutate({ timeZone: 'asia/makassar' })).timeZone,
      ).toBe('Asia/Makassar');
      await admin.trpc.admin.settings.update.mutate({ timeZone: 'Asia/Jakarta' });

      // A value saved by an older version: every screen and export goes on in COMPANY_TZ.
      await node.node.deps.db.models.SettingsRow.update(
        { timeZone: 'UTC+7' },
        { where: { id: 1 } },
      );
      await expect
        .poll(async () => (await admin.trpc.admin.settings.get.query()).timeZone, {
          timeout: 8_000,
        })
        .toBe('Asia/Jakarta');
      expect((await admin.trpc.admin.dashboard.query()).timeZone).toBe('Asia/Jakarta');
      expect((await employee.trpc.attendance.today.query()).settings.timeZone).toBe('Asia/Jakarta');
      const { jobId } = await admin.trpc.admin.reports.export.mutate({ month: '2026-11' });
      await expect
        .poll(
          async () =>
            (await admin.trpc.admin.reports.list.query()).some((file) => file.jobId === jobId),
          { timeout: 15_000 },
        )
        .toBe(true);
      // Without a language, the file speaks Indonesian, as HR reads it.
      const file = (await admin.trpc.admin.reports.list.query()).find((f) => f.jobId === jobId)!;
      const download = await fetch(`${node.url}${file.downloadUrl}`, {
        headers: { cookie: admin.cookieHeader() },
      });
      const text = (await download.text()).replace(/^\uFEFF/, '');
      // Its cells apart by `;` and its decimals with a comma, as Excel in Indonesian reads them.
      expect(file.fileName).toBe('absensi-2026-11-id.csv');
      expect(text.split('\n')[0]).toMatch(/^Tanggal kerja;Karyawan;Email;Departemen;Jam masuk/);
      // Saving any setting stores a good zone again.
      await admin.trpc.admin.settings.update.mutate({ autoClockOutHour: 22 });
      expect((await node.node.deps.db.models.SettingsRow.findByPk(1))?.timeZone).toBe(
        'Asia/Jakarta',
      );
    });

    it('sends the security headers on the app, its client-side routes and the API', async () => {
      for (const path of ['/', '/admin', '/admin/users', '/assets/app-1a2b.js', '/trpc/auth.me']) {
        const response = await fetch(`${node.url}${path}`, { headers: { accept: 'text/html' } });
        const headers = Object.fromEntries(response.headers);
        expect({ path, csp: headers['content-security-policy'] }).toEqual({
          path,
          csp: CONTENT_SECURITY_POLICY,
        });
        expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(headers['content-security-policy']).not.toContain('unsafe-inline');
        expect(headers).toMatchObject({
          'x-frame-options': 'DENY',
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'permissions-policy': 'geolocation=(self), camera=(), microphone=()',
          'cross-origin-opener-policy': 'same-origin',
        });
        // Plain HTTP (COOKIE_SECURE=false): no HSTS, no upgrade of requests.
        expect(headers['strict-transport-security']).toBeUndefined();
        expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      }
    });

    it('keeps /metrics closed when no METRICS_TOKEN is set', async () => {
      const response = await fetch(`${node.url}/metrics`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('absensi_');
    });
  });

  describe('behind HTTPS, with public origins and a metrics token', () => {
    let node: TestNode;
    let admin: TestClient;
    beforeAll(async () => {
      node = await startTestNode(dialect, {
        COOKIE_SECURE: 'true',
        PUBLIC_ORIGINS: 'https://absensi.example.co.id,https://absensi.example.com',
      });
      admin = await signedIn(node, ADMIN.email, ADMIN.password);
    });
    afterAll(() => node?.stop());

    it('adds HSTS and upgrades requests', async () => {
      const response = await fetch(`${node.url}/trpc/auth.me`);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=15552000');
      expect(response.headers.get('content-security-policy')).toBe(
        `${CONTENT_SECURITY_POLICY};upgrade-insecure-requests`,
      );
    });

    it('opens /ws only to pages of the public origins', async () => {
      const cookie = admin.cookieHeader();
      expect(
        (await upgradeStatus(node.wsUrl, { cookie, origin: 'https://absensi.example.com' })).status,
      ).toBe(101);
      expect(
        (await upgradeStatus(node.wsUrl, { cookie, origin: 'https://absensi.example.co.id' }))
          .status,
      ).toBe(101);
      // Its own host is not enough once the origins are named.
      const own = await upgradeStatus(node.wsUrl, { cookie, origin: node.url });
      expect(own).toEqual({
        status: 403,
        body: 'This page may not open the live connection (Origin).\n',
      });
      expect(
        (await upgradeStatus(node.wsUrl, { cookie, origin: 'https://evil.example.co.id' })).status,
      ).toBe(403);
    });

    it('gives /metrics only to the holder of the token', async () => {
      expect((await fetch(`${node.url}/metrics`)).status).toBe(401);
      expect(
        (
          await fetch(`${node.url}/metrics`, {
            headers: { authorization: 'Bearer wrong-token-wrong' },
          })
        ).status,
      ).toBe(401);
      const scraped = await fetch(`${node.url}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('absensi_http_requests_total');
    });
  });

  describe('revocation and the live socket', () => {
    let node: TestNode;
    let admin: TestClient;
    let employee: TestClient;
    let employeeId: number;
    const sockets: RawSocket[] = [];
    beforeAll(async () => {
      node = await startTestNode(dialect, {
        TRUST_PROXY: '1',
        WS_MAX_CONNECTIONS_PER_ADDRESS: '3',
      });
      admin = await signedIn(node, ADMIN.email, ADMIN.password);
      employeeId = (
        await admin.trpc.admin.users.create.mutate({
          name: 'Clocker',
          email: 'clocker@example.com',
          password: 'clocker-password-1',
        })
      ).user.id;
      employee = await signedIn(node, 'clocker@example.com', 'clocker-password-1');
    });
    afterAll(async () => {
      for (const socket of sockets) socket.close();
      await node?.stop();
    });

    /** A live.attendance subscription on /ws with this client's cookie, from an address of its own. */
    async function watch(client: TestClient, address = nextAddress()) {
      const socket = await openRaw(node.wsUrl, { cookie: client.cookieHeader(), ...from(address) });
      sockets.push(socket);
      socket.send(subscribe(1, 'live.attendance', {}));
      await expect.poll(() => socket.of(1).length).toBe(1);
      expect(socket.of(1)[0]?.result?.type).toBe('started');
      return socket;
    }
    const dataFrames = (socket: RawSocket) =>
      socket.of(1).filter((frame) => frame.result?.type === 'data');
    const tap = async () => {
      if ((await employee.trpc.attendance.today.query()).open)
        await employee.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
      else await employee.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
    };
    /** Resolves with the ms the socket took to close, failing after 2 s. */
    async function closesWithin2s(socket: RawSocket, since: number) {
      await expect.poll(() => socket.closed, { timeout: 2_000, interval: 20 }).toBe(true);
      expect(socket.closeCode?.code).toBe(CLOSE_SIGNED_OUT);
      return Date.now() - since;
    }

    it("closes a demoted admin's socket within 2 s; it receives nothing after", async () => {
      await admin.trpc.admin.users.create.mutate({
        name: 'Rina',
        email: 'rina@example.com',
        password: 'rina-password-1',
        role: 'admin',
      });
      const rina = await signedIn(node, 'rina@example.com', 'rina-password-1');
      const socket = await watch(rina);
      await tap();
      await expect.poll(() => dataFrames(socket).length).toBe(1);

      const rinaId = (await rina.trpc.auth.me.query()).id;
      const demoted = Date.now();
      await admin.trpc.admin.users.update.mutate({ id: rinaId, role: 'employee' });
      expect(await closesWithin2s(socket, demoted)).toBeLessThan(2_000);
      await tap();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(dataFrames(socket)).toHaveLength(1);
      expect((await errorOf(rina.trpc.auth.me.query())).code).toBe('UNAUTHORIZED');
      expect((await upgradeStatus(node.wsUrl, { cookie: rina.cookieHeader() })).status).toBe(401);

      // Signed in again she is an employee, and sees only her own events.
      const again = await signedIn(node, 'rina@example.com', 'rina-password-1');
      expect((await again.trpc.auth.me.query()).role).toBe('employee');
      const employeeSocket = await watch(again);
      await tap();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(dataFrames(employeeSocket)).toHaveLength(0);
    });

    it('ends every session and socket of a deactivated account, and of one whose password was reset', async () => {
      const deactivated = await signedIn(node, 'clocker@example.com', 'clocker-password-1');
      const socket = await watch(deactivated);
      const start = Date.now();
      await admin.trpc.admin.users.deactivate.mutate({ id: employeeId });
      await closesWithin2s(socket, start);
      for (const client of [employee, deactivated])
        expect((await errorOf(client.trpc.auth.me.query())).code).toBe('UNAUTHORIZED');
      await admin.trpc.admin.users.update.mutate({ id: employeeId, active: true });
      // Reactivated, the old sessions stay ended: a sign-in starts a new one.
      expect((await errorOf(deactivated.trpc.auth.me.query())).code).toBe('UNAUTHORIZED');
      employee = await signedIn(node, 'clocker@example.com', 'clocker-password-1');

      const phone = await signedIn(node, 'clocker@example.com', 'clocker-password-1');
      const phoneSocket = await watch(phone);
      const reset = Date.now();
      await admin.trpc.admin.users.resetPassword.mutate({
        id: employeeId,
        password: 'clocker-password-2',
      });
      await closesWithin2s(phoneSocket, reset);
      for (const client of [employee, phone])
        expect((await errorOf(client.trpc.auth.me.query())).code).toBe('UNAUTHORIZED');
      employee = await signedIn(node, 'clocker@example.com', 'clocker-password-2');
    });

    it("changes one's own password: this session goes on, the others end", async () => {
      const laptop = await signedIn(node, 'clocker@example.com', 'clocker-password-2');
      const phone = await signedIn(node, 'clocker@example.com', 'clocker-password-2');
      const phoneSocket = await watch(phone);

      const wrong = await errorOf(
        laptop.trpc.auth.changePassword.mutate({
          currentPassword: 'not-it',
          newPassword: 'clocker-password-3',
        }),
      );
      expect(wrong).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
      expect(wrong.message).toBe(
        'Your current password is not right, so the password was not changed.',
      );
      const same = await errorOf(
        laptop.trpc.auth.changePassword.mutate({
          currentPassword: 'clocker-password-2',
          newPassword: 'clocker-password-2',
        }),
      );
      expect(same.message).toBe('The new password must differ from the current one.');
      const short = await errorOf(
        laptop.trpc.auth.changePassword.mutate({
          currentPassword: 'clocker-password-2',
          newPassword: 'short',
        }),
      );
      expect(short.message).toBe('newPassword: must be at least 8 characters');
      expect((await phone.trpc.auth.me.query()).email).toBe('clocker@example.com');

      const changed = Date.now();
      expect(
        await laptop.trpc.auth.changePassword.mutate({
          currentPassword: 'clocker-password-2',
          newPassword: 'clocker-password-3',
        }),
      ).toEqual({ changed: true });
      expect((await laptop.trpc.auth.me.query()).email).toBe('clocker@example.com');
      await closesWithin2s(phoneSocket, changed);
      for (const client of [phone, employee])
        expect((await errorOf(client.trpc.auth.me.query())).code).toBe('UNAUTHORIZED');
      // The laptop's new session opens the live socket as before.
      expect(
        (await upgradeStatus(node.wsUrl, { cookie: laptop.cookieHeader(), ...from(nextAddress()) }))
          .status,
      ).toBe(101);
      expect(
        (
          await errorOf(
            createTestClient(node.url).trpc.auth.login.mutate({
              email: 'clocker@example.com',
              password: 'clocker-password-2',
            }),
          )
        ).code,
      ).toBe('UNAUTHORIZED');
      employee = laptop;
    });

    it('refuses an upgrade from a page of another origin, and takes its own', async () => {
      const cookie = admin.cookieHeader();
      const port = new URL(node.url).port;
      for (const origin of [
        'https://evil.example',
        `http://127.0.0.1:${Number(port) + 1}`,
        'null',
        'http://localhost',
      ])
        expect(await upgradeStatus(node.wsUrl, { cookie, origin, ...from(nextAddress()) })).toEqual(
          {
            status: 403,
            body: 'This page may not open the live connection (Origin).\n',
          },
        );
      expect(
        (await upgradeStatus(node.wsUrl, { cookie, origin: node.url, ...from(nextAddress()) }))
          .status,
      ).toBe(101);
      // Not a browser (no Origin): it cannot be carrying someone else's cookie.
      expect((await upgradeStatus(node.wsUrl, { cookie, ...from(nextAddress()) })).status).toBe(
        101,
      );
      expect((await upgradeStatus(node.wsUrl, from(nextAddress()))).status).toBe(401);
    });

    it('closes a socket nobody signs in on within 5 s', async () => {
      const opened = Date.now();
      const socket = await openRaw(`${node.wsUrl}?connectionParams=1`, from(nextAddress()));
      sockets.push(socket);
      await expect.poll(() => socket.closed, { timeout: 7_000, interval: 100 }).toBe(true);
      expect(socket.closeCode).toEqual({
        code: CLOSE_SIGNED_OUT,
        reason: 'Sign in to receive live updates.',
      });
      const elapsed = Date.now() - opened;
      expect(elapsed).toBeGreaterThanOrEqual(4_500);
      expect(elapsed).toBeLessThan(7_000);
    });

    it('holds at most 3 sockets per address, and frees a slot when one closes', async () => {
      const address = nextAddress();
      const held = [];
      for (let index = 0; index < 3; index += 1) held.push(await watch(admin, address));
      expect(
        await upgradeStatus(node.wsUrl, { cookie: admin.cookieHeader(), ...from(address) }),
      ).toEqual({
        status: 429,
        body: 'Too many live connections from this address.\n',
      });
      expect(
        (await upgradeStatus(node.wsUrl, { cookie: admin.cookieHeader(), ...from(nextAddress()) }))
          .status,
      ).toBe(101);
      held[0]!.close();
      await expect
        .poll(
          async () =>
            (await upgradeStatus(node.wsUrl, { cookie: admin.cookieHeader(), ...from(address) }))
              .status,
        )
        .toBe(101);
    });

    it(`refuses a socket message of more than ${MAX_BATCH_CALLS} calls`, async () => {
      const socket = await openRaw(node.wsUrl, {
        cookie: admin.cookieHeader(),
        ...from(nextAddress()),
      });
      sockets.push(socket);
      socket.send(
        Array.from({ length: MAX_BATCH_CALLS + 1 }, (_, index) =>
          subscribe(index + 1, 'live.attendance', {}),
        ),
      );
      await expect.poll(() => socket.frames.length).toBeGreaterThan(0);
      expect(socket.frames.every((frame) => frame.error?.data.code === 'BAD_REQUEST')).toBe(true);
      expect(socket.frames[0]?.error?.message).toBe(
        `One request may carry at most ${MAX_BATCH_CALLS} calls; send the others in another request.`,
      );
      expect(socket.frames.some((frame) => frame.result?.type === 'started')).toBe(false);
    });
  });
});
