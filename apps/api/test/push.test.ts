/**
 * Web Push end to end, on a node with VAPID keys: a phone's subscription is kept, a decision on
 * its person's request is pushed (encrypted, VAPID-signed) to its endpoint, and an endpoint the push
 * service says is gone (410) is forgotten. The "push service" is a local HTTP receiver that records
 * what it is sent; http://127.0.0.1 endpoints are accepted only under the test-only flag.
 */
import { createECDH, randomBytes, randomUUID, type ECDH } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { repos } from '@absensi/db';
import { dialectsUnderTest } from '@absensi/db/testing';
import { createTestClient, errorOf, type TestClient } from '@absensi/api/testing';
import { ADMIN, startTestNode, type TestNode } from './node.js';

const dialects = await dialectsUnderTest();
/** RFC 8188 decryption (http_ece, what web-push encrypts with): what the phone would read. */
const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt(body: Buffer, params: { version: string; privateKey: ECDH; authSecret: string }): Buffer;
};
const VAPID = webpush.generateVAPIDKeys();

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A push service on 127.0.0.1: /ok/* takes messages (201), /gone/* answers 410 Gone. */
async function pushReceiver() {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      response.statusCode = request.url?.startsWith('/gone/') ? 410 : 201;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's subscription keys: its P-256 public key and 16 random bytes, base64url. */
function browserKeys() {
  return phoneKeys().keys;
}

/** The same, with the private half the phone keeps to read its messages. */
function phoneKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const keys = {
    p256dh: ecdh.getPublicKey().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  };
  return {
    keys,
    read: (body: Buffer) =>
      ece
        .decrypt(body, { version: 'aes128gcm', privateKey: ecdh, authSecret: keys.auth })
        .toString('utf8'),
  };
}

describe.each(dialects)('Web Push on %s', (dialect) => {
  let node!: TestNode;
  let admin!: TestClient;
  let employee!: TestClient;
  let employeeId!: number;
  let receiver!: Awaited<ReturnType<typeof pushReceiver>>;

  beforeAll(async () => {
    receiver = await pushReceiver();
    node = await startTestNode(dialect, {
      VAPID_PUBLIC_KEY: VAPID.publicKey,
      VAPID_PRIVATE_KEY: VAPID.privateKey,
      VAPID_SUBJECT: 'mailto:it@example.com',
      PUSH_ALLOW_LOOPBACK_ENDPOINTS: 'true',
    });
    admin = createTestClient(node.url);
    await admin.trpc.auth.login.mutate(ADMIN);
    const created = await admin.trpc.admin.users.create.mutate({
      name: 'Putri Handayani',
      email: 'putri@example.com',
      password: 'employee-password-1',
      department: 'Gudang',
    });
    employeeId = created.user.id;
    employee = createTestClient(node.url);
    await employee.trpc.auth.login.mutate({
      email: 'putri@example.com',
      password: 'employee-password-1',
    });
  });
  afterAll(async () => {
    await node?.stop();
    await receiver?.close();
  });

  const decideALeave = async (date: string) => {
    const permit = (await employee.trpc.requests.leaveTypes.query()).find(
      (type) => type.code === 'IZIN',
    )!;
    const filed = await employee.trpc.requests.file.mutate({
      kind: 'leave',
      leaveTypeId: permit.id,
      startDate: date,
      endDate: date,
      reason: 'Urusan keluarga',
      clientKey: randomUUID(),
    });
    await admin.trpc.admin.requests.decide.mutate({ id: filed.id, decision: 'approve' });
  };

  it("pushes a decision to the person's phone, encrypted and signed, and forgets a phone that is gone", async () => {
    expect(await employee.trpc.notifications.pushKey.query()).toBe(VAPID.publicKey);
    const phone = receiver.url(`/ok/${randomUUID()}`);
    const oldPhone = receiver.url(`/gone/${randomUUID()}`);
    const phoneKeyPair = phoneKeys();
    await employee.trpc.notifications.subscribePush.mutate({
      endpoint: phone,
      keys: phoneKeyPair.keys,
      lang: 'id',
    });
    await employee.trpc.notifications.subscribePush.mutate({
      endpoint: oldPhone,
      keys: browserKeys(),
      lang: 'en',
    });
    const { db } = node.node.deps;
    expect(
      (await repos.pushSubscriptions.ofUser(db, employeeId)).map((row) => row.endpoint),
    ).toEqual([phone, oldPhone]);

    await decideALeave('2026-12-14');
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(2);
    const pushed = receiver.received.find((message) => message.path.startsWith('/ok/'))!;
    expect(pushed.headers.ttl).toBe('86400');
    expect(pushed.headers['content-encoding']).toBe('aes128gcm');
    expect(pushed.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    expect(pushed.headers.authorization).toContain(`k=${VAPID.publicKey}`);
    // Only the phone can read it: in Indonesian, as the person used the app, opening the list.
    expect(JSON.parse(phoneKeyPair.read(pushed.body))).toEqual({
      title: 'Absensi',
      body: 'Pengajuan Anda (2026-12-14) disetujui oleh Administrator.',
      tag: expect.stringMatching(/^notification-\d+$/),
      url: '/notifications',
    });

    // The gone phone is forgotten; the other is noted as reached.
    await expect
      .poll(async () =>
        (await repos.pushSubscriptions.ofUser(db, employeeId)).map((row) => row.endpoint),
      )
      .toEqual([phone]);
    const [kept] = await repos.pushSubscriptions.ofUser(db, employeeId);
    expect(kept!.lastSuccessAt).toBeInstanceOf(Date);

    // Unsubscribed, the phone gets nothing more.
    expect(await employee.trpc.notifications.unsubscribePush.mutate({ endpoint: phone })).toEqual({
      removed: true,
    });
    await decideALeave('2026-12-15');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(receiver.received).toHaveLength(2);
  });

  it('refuses an endpoint that is not https, and malformed keys, with a message', async () => {
    const plain = await errorOf(
      employee.trpc.notifications.subscribePush.mutate({
        endpoint: 'http://push.example.com/send/abc',
        keys: browserKeys(),
        lang: 'en',
      }),
    );
    expect(plain.code).toBe('BAD_REQUEST');
    expect(plain.message).toMatch(/endpoint: must be an https URL/);
    const badKeys = await errorOf(
      employee.trpc.notifications.subscribePush.mutate({
        endpoint: 'https://push.example.com/send/abc',
        keys: { p256dh: 'not a key!', auth: 'x' },
        lang: 'en',
      }),
    );
    expect(badKeys.code).toBe('BAD_REQUEST');
    expect(badKeys.message).toMatch(/base64url key/);
  });
});

describe.each(dialects)('Web Push left off on %s', (dialect) => {
  let node!: TestNode;
  beforeAll(async () => {
    node = await startTestNode(dialect);
  });
  afterAll(async () => {
    await node?.stop();
  });

  it('offers no key and refuses a subscription when VAPID keys are not set', async () => {
    const admin = createTestClient(node.url);
    await admin.trpc.auth.login.mutate(ADMIN);
    expect(await admin.trpc.notifications.pushKey.query()).toBeNull();
    const refused = await errorOf(
      admin.trpc.notifications.subscribePush.mutate({
        endpoint: 'https://push.example.com/send/abc',
        keys: browserKeys(),
      }),
    );
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(refused.message).toMatch(/not set up on this server/);
  });
});
