/**
 * Every procedure with an input schema, fed invalid input (fast-check, bounded): generated values
 * of every JSON shape, and valid inputs with fields replaced by hostile ones (NUL, control and
 * bidi characters, broken surrogates, 10,000-character strings, years 0000 and 9999, offsets for
 * zones, huge and fractional numbers, wrong types, deep nesting). Only values the procedure's own
 * zod schema refuses (or that hold NUL) are sent, over real HTTP as an admin (queries as GET,
 * mutations as JSON POST) and subscriptions over the real /ws. Each answer must be a 4xx (a tRPC
 * error that is not INTERNAL_SERVER_ERROR on the socket), and no table may change.
 */
import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { appRouter, containsNul } from '@absensi/api';
import { createTestClient, openRaw, subscribe, type TestClient } from '@absensi/api/testing';
import { dialectsUnderTest } from '@absensi/db/testing';
import { ADMIN, startTestNode, type TestNode } from './node.js';

const dialects = await dialectsUnderTest();

/** Calls per procedure, per dialect; the seed makes a failure repeatable. */
const RUNS = 60;
const SEED = 13;

interface ProcedureDef {
  _def: { type: 'query' | 'mutation' | 'subscription'; inputs: ZodType[] };
}
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, ProcedureDef>,
).filter(([, procedure]) => procedure._def.inputs.length > 0);

const instant = '2026-11-24T08:00:00+07:00';
/** One valid input per procedure: the base that hostile fields are put into. */
const VALID: Record<string, Record<string, unknown>> = {
  'auth.login': { email: 'someone@example.com', password: 'a-password' },
  'auth.changePassword': { currentPassword: 'a-password', newPassword: 'another-password' },
  'attendance.clockIn': {
    idempotencyKey: randomUUID(),
    at: instant,
    sentAt: instant,
    location: { lat: -6.2, lng: 106.8, accuracy: 10 },
    note: 'Di kantor',
  },
  'attendance.clockOut': { idempotencyKey: randomUUID(), at: instant, note: 'Pulang' },
  'attendance.history': { month: '2026-11', cursor: 1, limit: 10 },
  'admin.users.list': {
    search: 'siti',
    department: 'Gudang',
    role: 'employee',
    active: true,
    cursor: 1,
    limit: 10,
  },
  'admin.users.create': {
    name: 'Siti Rahayu',
    email: 'siti.fuzz@example.com',
    password: 'a-password',
    role: 'employee',
    department: 'Gudang',
  },
  'admin.users.update': {
    id: 1,
    name: 'Siti',
    email: 'siti.fuzz@example.com',
    role: 'admin',
    department: null,
    active: true,
  },
  'admin.users.deactivate': { id: 1 },
  'admin.users.resetPassword': { id: 1, password: 'a-password' },
  'admin.attendance.list': {
    from: '2026-11-01',
    to: '2026-11-30',
    userId: 1,
    department: 'Gudang',
    status: 'late',
    open: false,
    cursor: 1,
    limit: 10,
  },
  'admin.attendance.correct': {
    id: 1,
    clockInAt: instant,
    clockOutAt: '2026-11-24T17:00:00+07:00',
    status: 'on_time',
    note: 'Koreksi',
    reason: 'Lupa tap keluar',
  },
  'admin.attendance.audit': { id: 1 },
  'admin.settings.update': { timeZone: 'Asia/Jakarta', autoClockOutHour: 23 },
  'admin.attendance.add': {
    userId: 1,
    clockInAt: instant,
    clockOutAt: '2026-11-24T17:00:00+07:00',
    note: 'Kertas absen',
    reason: 'HP rusak, absen manual',
  },
  'admin.dashboard': { department: 'Gudang', siteId: 1 },
  'admin.users.scopes': { userId: 1 },
  'admin.users.setScopes': { userId: 1, departments: ['Gudang'], siteIds: [1] },
  'admin.shifts.create': {
    name: 'Pagi',
    code: 'P',
    startTime: '07:00',
    endTime: '15:00',
    lateGraceMinutes: 10,
    earlyLeaveGraceMinutes: 5,
    breakMinutes: 30,
    autoClockOutAfterMinutes: 120,
    color: '#884400',
  },
  'admin.shifts.update': { id: 1, name: 'Pagi', lateGraceMinutes: 5, active: true },
  'admin.schedules.create': {
    name: 'Satpam',
    kind: 'rotating',
    anchorDate: '2026-11-23',
    days: [1, 1, null],
    active: true,
  },
  'admin.schedules.update': {
    id: 1,
    name: 'Satpam',
    kind: 'weekly',
    days: [1, 1, 1, 1, 1, null, null],
  },
  'admin.schedules.assign': {
    scheduleId: 1,
    userId: null,
    department: 'Gudang',
    validFrom: '2026-11-01',
    validTo: '2026-12-31',
  },
  'admin.schedules.unassign': { id: 1 },
  'admin.schedules.roster': {
    from: '2026-11-23',
    days: 7,
    department: 'Gudang',
    cursor: 1,
    limit: 10,
  },
  'admin.schedules.setDay': {
    userId: 1,
    date: '2026-11-24',
    shiftTypeId: 1,
    note: 'Ganti',
    clear: false,
  },
  'admin.reports.export': { month: '2026-11', format: 'csv' },
  'admin.sites.list': { active: true },
  'admin.sites.create': {
    name: 'Kantor Jakarta',
    lat: -6.2,
    lng: 106.8,
    radiusM: 150,
    timeZone: 'Asia/Jakarta',
    geofencePolicy: 'flag',
    maxAccuracyM: 100,
  },
  'admin.sites.update': { id: 1, name: 'Kantor Makassar', timeZone: 'Asia/Makassar', active: true },
  'admin.sites.deactivate': { id: 1 },
  'admin.sites.assign': { userId: 1, siteIds: [1], primarySiteId: 1 },
  'admin.sites.ofUser': { userId: 1 },
  'admin.sites.audit': { id: 1 },
  'admin.holidays.list': { year: 2026, siteId: 1 },
  'admin.holidays.create': {
    date: '2026-12-25',
    name: 'Hari Raya Natal',
    kind: 'national',
    siteId: null,
  },
  'admin.holidays.update': { id: 1, name: 'Natal', kind: 'national', siteId: null },
  'admin.holidays.delete': { id: 1 },
  'admin.holidays.propose': { year: 2026 },
  'admin.holidays.confirm': { year: 2026, dates: ['2026-12-25'] },
  'admin.holidays.audit': { id: 1 },
  'live.attendance': { lastEventId: '01JABCDEF' },
  'live.job': { jobId: 'job-1', lastEventId: '01JABCDEF' },
  'live.notifications': { lastEventId: '01JABCDEF' },
  'live.requests': { lastEventId: '01JABCDEF' },
  'attendance.month': { month: '2026-11' },
  'requests.file': {
    kind: 'leave',
    leaveTypeId: 1,
    startDate: '2026-12-01',
    endDate: '2026-12-02',
    part: 'full',
    reason: 'Cuti keluarga',
    clientKey: '6f1c3a52-9d1e-4f7b-8a61-2b3c4d5e6f70',
  },
  'requests.cancel': { id: 1 },
  'requests.mine': { state: 'pending', before: 10, limit: 20 },
  'requests.balances': { year: 2026 },
  'requests.leaveTypes': {},
  'requests.attachment': { id: 1 },
  'notifications.list': { before: 10, limit: 20 },
  'notifications.markRead': { upTo: 10 },
  'notifications.subscribePush': {
    endpoint: 'https://fcm.googleapis.com/fcm/send/c1a2b3d4e5f6',
    keys: {
      p256dh:
        'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
      auth: 'tBHItJI5svbpez7KI4CCXg',
    },
    lang: 'id',
  },
  'notifications.unsubscribePush': { endpoint: 'https://fcm.googleapis.com/fcm/send/c1a2b3d4e5f6' },
  'admin.requests.list': {
    state: 'pending',
    kind: 'leave',
    department: 'Gudang',
    from: '2026-11-01',
    to: '2026-11-30',
    before: 10,
    limit: 20,
  },
  'admin.requests.decide': { id: 1, decision: 'approve', note: 'Disetujui' },
  'admin.requests.orderOvertime': {
    userId: 1,
    date: '2026-11-24',
    minutes: 120,
    note: 'Stok opname',
  },
  'admin.leaveTypes.list': {},
  'admin.leaveTypes.create': {
    code: 'MELAHIRKAN',
    name: 'Cuti melahirkan',
    category: 'other',
    yearlyAllowanceDays: 90,
    attachment: 'optional',
  },
  'admin.leaveTypes.update': { id: 1, name: 'Cuti tahunan', active: true },
  'admin.recap.month': { month: '2026-11', department: 'Gudang', siteId: 1 },
  'admin.recap.export': { month: '2026-11', department: 'Gudang', format: 'xlsx' },
};

/** Values no field should take, each known to have broken some system somewhere. */
const HOSTILE: unknown[] = [
  '',
  ' ',
  '\u0000',
  'Siti\u0000Rahayu',
  '\t\n\r',
  '\u202EuyahaR',
  '\u2066x\u2069',
  '\u200B\u200B',
  '\ud800',
  'x'.repeat(10_000),
  '😀'.repeat(300),
  "' OR 1=1 --",
  '%_%',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '0000-01',
  '1999-12-31',
  'UTC+7',
  'local',
  '25:99',
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  null,
  true,
  [],
  {},
  [1, 'two', null],
  JSON.parse('{"__proto__":{"role":"admin"}}') as unknown,
  JSON.parse(`${'['.repeat(2_000)}${']'.repeat(2_000)}`) as unknown,
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer() },
);

/** A valid input with one to three fields (or an unknown one) made hostile, some dropped. */
function mutated(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = [...Object.keys(valid), 'unexpected'];
  return fc
    .record({
      changed: fc.subarray(keys, { minLength: 1, maxLength: Math.min(3, keys.length) }),
      values: fc.array(hostileValue, { minLength: 3, maxLength: 3 }),
      dropped: fc.subarray(Object.keys(valid), {
        maxLength: Math.min(2, Object.keys(valid).length),
      }),
    })
    .map(({ changed, values, dropped }) => {
      const input: Record<string, unknown> = { ...valid };
      for (const key of dropped) delete input[key];
      changed.forEach((key, index) => (input[key] = values[index]));
      return input;
    });
}

/** What arrives on the server: the JSON of the value. */
const onTheWire = (value: unknown): unknown =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);

function isInvalid(schema: ZodType, value: unknown): boolean {
  return containsNul(value) || !schema.safeParse(value).success;
}

/** Every table's rows, hashed: the same hash before and after means nothing changed. */
async function dataHash(node: TestNode): Promise<string> {
  const hash = createHash('sha256');
  const models = Object.values(node.node.deps.db.models) as unknown as {
    findAll(options: { raw: true }): Promise<unknown[]>;
    getTableName(): unknown;
  }[];
  for (const model of models) {
    // The daily statuses are derived, and recomputed by the node's periodic pass on its own.
    if (model.getTableName() === 'daily_statuses') continue;
    const rows = await model.findAll({ raw: true });
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    hash.update(`${String(model.getTableName())}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

interface Figures {
  calls: number;
  http: number;
  socket: number;
  byStatus: Record<string, number>;
  serverErrors: number;
  procedures: number;
  tablesChanged: string[];
}

describe.each(dialects)('fuzzing every input schema on %s', (dialect) => {
  let node: TestNode;
  let admin: TestClient;
  const figures: Figures = {
    calls: 0,
    http: 0,
    socket: 0,
    byStatus: {},
    serverErrors: 0,
    procedures: 0,
    tablesChanged: [],
  };

  beforeAll(async () => {
    node = await startTestNode(dialect, {
      // The fuzz signs in once; its invalid logins must not lock anything it needs.
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '100000',
    });
    admin = createTestClient(node.url);
    await admin.trpc.auth.login.mutate(ADMIN);
    await admin.trpc.admin.users.create.mutate({
      name: 'Budi',
      email: 'budi.fuzz@example.com',
      password: 'a-password',
      department: 'Gudang',
    });
  });
  afterAll(async () => {
    console.log(
      `fuzz on ${dialect}: ${figures.calls} invalid calls to ${figures.procedures} procedures ` +
        `(${figures.http} over HTTP, ${figures.socket} over /ws), seed ${SEED}; answers by status ` +
        `${JSON.stringify(figures.byStatus)}; 5xx: ${figures.serverErrors}; procedures whose ` +
        `calls changed data: ${figures.tablesChanged.length}`,
    );
    await node?.stop();
  });

  it('has a valid base input for every procedure that takes input', () => {
    expect(procedures.map(([path]) => path).filter((path) => !(path in VALID))).toEqual([]);
  });

  async function callOverHttp(path: string, type: 'query' | 'mutation', input: unknown) {
    const encoded = input === undefined ? '' : JSON.stringify(input);
    const response =
      type === 'query'
        ? await admin.fetch(
            `${node.url}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(encoded)}`}`,
          )
        : await admin.fetch(`${node.url}/trpc/${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: encoded,
          });
    await response.arrayBuffer();
    return response.status;
  }

  it.each(procedures)(
    'answers invalid input to %s with a 4xx and changes nothing',
    async (path, procedure) => {
      const schema = procedure._def.inputs[0]!;
      const valid = VALID[path]!;
      expect(schema.safeParse(valid).success, `the base input of ${path} is valid`).toBe(true);
      const invalidInputs = fc
        .oneof({ weight: 3, arbitrary: mutated(valid) }, { weight: 1, arbitrary: hostileValue })
        .map(onTheWire)
        .filter((value) => isInvalid(schema, value));
      const before = await dataHash(node);
      const socket =
        procedure._def.type === 'subscription'
          ? await openRaw(node.wsUrl, { cookie: admin.cookieHeader() })
          : null;
      let id = 0;
      await fc.assert(
        fc.asyncProperty(invalidInputs, async (input) => {
          figures.calls += 1;
          if (socket) {
            figures.socket += 1;
            const callId = (id += 1);
            socket.send(subscribe(callId, path, input));
            await expect.poll(() => socket.of(callId).length, { timeout: 5_000 }).toBe(1);
            const [answer] = socket.of(callId);
            const code = answer?.error?.data.code ?? 'STARTED';
            figures.byStatus[`ws:${code}`] = (figures.byStatus[`ws:${code}`] ?? 0) + 1;
            if (code === 'INTERNAL_SERVER_ERROR') figures.serverErrors += 1;
            expect(code, JSON.stringify(input)?.slice(0, 300)).not.toMatch(
              /^(STARTED|INTERNAL_SERVER_ERROR)$/,
            );
            return;
          }
          figures.http += 1;
          const status = await callOverHttp(
            path,
            procedure._def.type as 'query' | 'mutation',
            input,
          );
          figures.byStatus[status] = (figures.byStatus[status] ?? 0) + 1;
          if (status >= 500) figures.serverErrors += 1;
          expect(status, JSON.stringify(input)?.slice(0, 300)).toBeGreaterThanOrEqual(400);
          expect(status, JSON.stringify(input)?.slice(0, 300)).toBeLessThan(500);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      socket?.close();
      figures.procedures += 1;
      const after = await dataHash(node);
      if (after !== before) figures.tablesChanged.push(path);
      expect(after, `${path}: data changed`).toBe(before);
      // The admin is still signed in: nothing the fuzz sent ended its session.
      expect((await admin.trpc.auth.me.query()).email).toBe(ADMIN.email);
    },
    120_000,
  );
});
