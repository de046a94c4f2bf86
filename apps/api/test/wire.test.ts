import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { errorOf, type TestClient } from '@absensi/api/testing';
import { METRICS_TOKEN, type TestNode } from './node.js';
import { describeApi } from './fixture.js';

describeApi('wire', (fixture) => {
  let node!: TestNode;
  let employee!: TestClient;
  let employeeId!: number;
  let admin!: TestClient;
  beforeAll(() => {
    ({ node, employee, employeeId, admin } = fixture.started());
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

  describe('the dashboard snapshot, sent as its kept JSON', () => {
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${node.url}/trpc/${path}`, { headers: { cookie: admin.cookieHeader(), ...headers } });

    it('is the same picture alone, in a batch, streamed and through the client, with no stand-in left', async () => {
      await employee.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
      const viaClient = await admin.trpc.admin.dashboard.query();
      expect(viaClient.present.some((person) => person.userId === employeeId)).toBe(true);
      const alone = await get('admin.dashboard');
      const aloneBody = await alone.text();
      expect(Number(alone.headers.get('content-length'))).toBe(Buffer.byteLength(aloneBody));
      const batch = await (
        await get(`admin.dashboard,auth.me?batch=1&input=${encodeURIComponent('{}')}`)
      ).text();
      const streamed = await (
        await get(`admin.dashboard,auth.me?batch=1&input=${encodeURIComponent('{}')}`, {
          'trpc-accept': 'application/jsonl',
        })
      ).text();
      for (const body of [aloneBody, batch, streamed]) expect(body).not.toMatch(/pre-serialized:/);
      expect(JSON.parse(aloneBody).result.data).toEqual(viaClient);
      const [fromBatch, me] = JSON.parse(batch) as [
        { result: { data: unknown } },
        { result: { data: { role: string } } },
      ];
      expect(fromBatch.result.data).toEqual(viaClient);
      expect(me.result.data.role).toBe('admin');
      expect(streamed).toContain(JSON.stringify(viaClient.counts));
      await employee.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
    });
  });

  describe('metrics', () => {
    it('counts calls by procedure and node', async () => {
      const conflictsCounted = async () => {
        const text = await (
          await fetch(`${node.url}/metrics`, {
            headers: { authorization: `Bearer ${METRICS_TOKEN}` },
          })
        ).text();
        const line =
          /absensi_trpc_calls_total\{procedure="attendance\.clockIn",type="mutation",code="CONFLICT",node="api-test"\} (\d+)/.exec(
            text,
          );
        return { text, count: Number(line?.[1] ?? 0) };
      };
      const before = await conflictsCounted();
      await employee.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
      const refused = await errorOf(
        employee.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() }),
      );
      expect(refused.code).toBe('CONFLICT');
      await employee.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
      const { text, count } = await conflictsCounted();
      expect(count).toBe(before.count + 1);
      expect(text).toMatch(
        /absensi_trpc_duration_seconds_count\{(?=[^}]*procedure="auth\.login")(?=[^}]*node="api-test")[^}]*\} [1-9]\d*/,
      );
    });
  });
});
