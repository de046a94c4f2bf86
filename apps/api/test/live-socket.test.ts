/**
 * The /ws endpoint on the wire, as any tRPC v11 client (or a hand-written one) speaks it: live
 * subscriptions are pushed straight to the socket, everything else is tRPC's own handler, and the
 * two must be indistinguishable to a client.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClient, openRaw, subscribe, type TestClient } from '@absensi/api/testing';
import { sampleAttendanceCreated } from '@absensi/events/testing';
import { ADMIN, startTestNode, type TestNode } from './node.js';

describe('the live WebSocket on the wire', () => {
  let node: TestNode;
  let admin: TestClient;

  beforeAll(async () => {
    node = await startTestNode('sqlite');
    admin = createTestClient(node.url);
    await admin.trpc.auth.login.mutate(ADMIN);
  });
  afterAll(async () => {
    await node?.stop();
  });

  it('answers started, tracked data and stopped per subscription id, in a batch or alone', async () => {
    const raw = await openRaw(node.wsUrl, { cookie: admin.cookieHeader() });
    raw.send([subscribe(1, 'live.attendance', {}), subscribe('b', 'live.attendance', {}, '2.0')]);
    await expect.poll(() => raw.frames.length).toBe(2);
    expect(raw.of(1)).toEqual([{ id: 1, result: { type: 'started' } }]);
    expect(raw.of('b')).toEqual([{ id: 'b', jsonrpc: '2.0', result: { type: 'started' } }]);

    const clockIn = await admin.trpc.attendance.clockIn.mutate({ idempotencyKey: randomUUID() });
    await expect.poll(() => raw.frames.length).toBe(4);
    for (const id of [1, 'b']) {
      const [, data] = raw.of(id);
      expect(data?.result?.type).toBe('data');
      expect(data?.result?.id).toBe(data?.result?.data?.id);
      expect(data?.result?.data?.data).toMatchObject({
        type: 'AttendanceCreated',
        data: { attendanceId: clockIn.id },
      });
    }
    expect(raw.of('b')[1]?.jsonrpc).toBe('2.0');

    // A second subscription under a live id is refused; stopping one ends only that one.
    raw.send(subscribe(1, 'live.attendance', {}));
    await expect.poll(() => raw.of(1).length).toBe(3);
    expect(raw.of(1)[2]?.error?.data.code).toBe('BAD_REQUEST');
    raw.send({ id: 'b', jsonrpc: '2.0', method: 'subscription.stop' });
    await expect.poll(() => raw.of('b').at(-1)?.result?.type).toBe('stopped');
    await admin.trpc.attendance.clockOut.mutate({ idempotencyKey: randomUUID() });
    await expect.poll(() => raw.of(1).length).toBe(4);
    expect(raw.of(1)[3]?.result?.data?.data.type).toBe('AttendanceUpdated');
    expect(raw.of('b')).toHaveLength(3);
    raw.close();
  });

  it("refuses bad input and unknown procedures in tRPC's own words, and keeps the connection", async () => {
    const raw = await openRaw(node.wsUrl, { cookie: admin.cookieHeader() });
    raw.send(subscribe(1, 'live.attendance', { lastEventId: 42 }));
    raw.send(subscribe(2, 'live.nothing', {}));
    raw.send(subscribe(3, 'live.job', {}));
    await expect.poll(() => raw.frames.length).toBe(3);
    expect(raw.of(1)[0]?.error?.data.code).toBe('BAD_REQUEST');
    expect(raw.of(1)[0]?.error?.message).toMatch(/lastEventId/);
    expect(raw.of(2)[0]?.error?.data.code).toBe('NOT_FOUND');
    expect(raw.of(3)[0]?.error?.data.code).toBe('BAD_REQUEST');
    raw.send(subscribe(4, 'live.job', { jobId: 'job-1' }));
    await expect.poll(() => raw.of(4)).toEqual([{ id: 4, result: { type: 'started' } }]);
    expect(raw.closed).toBe(false);
    raw.close();
  });

  it('resumes after the last event id a client saw, and serves clients that sign in with connection params', async () => {
    const hub = node.node.deps.live!;
    const events = [1, 2, 3].map((user) => sampleAttendanceCreated(user));
    for (const event of events) hub.publish(event);
    const signed = decodeURIComponent(
      admin.cookieHeader().split('absensi.sid=')[1]!.split(';')[0]!,
    );
    const raw = await openRaw(`${node.wsUrl}?connectionParams=1`);
    raw.send({ method: 'connectionParams', data: { session: signed } });
    raw.send({
      id: 7,
      method: 'subscription',
      params: { path: 'live.attendance', input: {}, lastEventId: events[0]!.id },
    });
    await expect.poll(() => raw.of(7).length).toBe(3);
    expect(raw.of(7).map((frame) => frame.result?.id ?? frame.result?.type)).toEqual([
      'started',
      events[1]!.id,
      events[2]!.id,
    ]);
    raw.close();
  });

  it('drops a subscriber that stops reading, without holding back the others', async () => {
    const hub = node.node.deps.live!;
    const reader = await openRaw(node.wsUrl, { cookie: admin.cookieHeader() });
    const stalled = await openRaw(node.wsUrl, { cookie: admin.cookieHeader() });
    for (const raw of [reader, stalled]) raw.send(subscribe(1, 'live.attendance', {}));
    await expect.poll(() => reader.frames.length + stalled.frames.length).toBe(2);
    const subscribers = hub.subscriberCount;
    // A client that reads nothing: the kernel buffers fill, then the server's send buffer grows.
    (stalled.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const count = 6_000;
    const padding = 'x'.repeat(2_000);
    for (let user = 1; user <= count; user += 1) {
      const event = sampleAttendanceCreated(user);
      hub.publish({ ...event, data: { ...event.data, note: padding } } as typeof event);
      // In bursts the reading client (in this same process) drains well under the 1 MiB bound.
      if (user % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await expect.poll(() => reader.frames.length, { timeout: 10_000 }).toBe(count + 1);
    expect(hub.subscriberCount).toBe(subscribers - 1);
    // Reading again, the stalled client drains what was sent and finds its connection closed, so
    // its tRPC client would reconnect and resume after the last event it saw.
    (stalled.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    await expect.poll(() => stalled.closed, { timeout: 10_000 }).toBe(true);
    expect(stalled.frames.length).toBeLessThan(count + 1);
    reader.close();
  });
});
