/**
 * The equal-work floor: a bare Fastify process (no tRPC, no Sequelize, no session plugin) doing all
 * of a clock-in's work with mysql2 and ioredis. Run as its own process, four behind nginx like the
 * API nodes: node equal-work/server.js '<EqualWorkSettings as JSON>'.
 * - POST /trpc/attendance.clockIn `{idempotencyKey}`: signed cookie → session JSON from Redis →
 *   the user's row → the company's shift rules → one transaction (attendance, attendance_actions,
 *   events; prepared statements) → XADD of the event, as the API's feed writes it → the outbox row
 *   marked sent in a batch → the attendance record as JSON, in tRPC's envelope.
 * - GET /trpc/floor.session: signed cookie → session → user row: who is signed in.
 * Its feed is a stream of its own (`streamKey`), which nobody reads: the cluster's subscribers must
 * not forward the floor's events while the cluster is measured.
 */
import { once } from 'node:events';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { createPool, type RowDataPacket } from 'mysql2/promise';
import type { FloorSettings } from '../floor-server.js';
import { runWhenEntry } from '../process-entry.js';
import { writeClockIn, type SignedInUser } from './clock-in.js';
import { floorSentMarks } from './sent-marks.js';
import { SessionReader } from './session.js';
import { clockInRules, PolicyCache } from './shift.js';

/** The bare-insert floor's settings (database, Redis, session secret, pool), and: */
export interface EqualWorkSettings extends FloorSettings {
  /** The Redis stream the events are appended to. */
  streamKey: string;
  /** The company's time zone when the database has no settings row. */
  fallbackTimeZone: string;
}

/** Entries kept in the stream, approximately (the API's feed keeps as many). */
const STREAM_MAX_LENGTH = 100_000;

export async function startEqualWorkFloor(settings: EqualWorkSettings) {
  const sessionsRedis = new Redis(settings.redisUrl);
  // As the API's feed writer: fail fast when Redis is away (the outbox keeps the event).
  const feedRedis = new Redis(settings.redisUrl, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: 2_000,
  });
  await once(feedRedis, 'ready');
  feedRedis.on('error', () => undefined);
  const pool = createPool({
    uri: settings.databaseUrl,
    connectionLimit: settings.poolSize,
    timezone: 'Z',
  });
  const sessions = new SessionReader(settings.sessionSecret, sessionsRedis, settings.redisPrefix);
  const policy = new PolicyCache(pool, settings.fallbackTimeZone);
  const sentMarks = floorSentMarks(pool);
  const app = Fastify({ logger: false });

  /** The active user behind the request's session cookie, or null. */
  async function signedInUser(cookieHeader: string | undefined): Promise<SignedInUser | null> {
    const userId = await sessions.userIdOf(cookieHeader);
    if (userId === null) return null;
    const [rows] = await pool.execute<RowDataPacket[]>(
      'SELECT id, name, email, role, department, active FROM users WHERE id = ?',
      [userId],
    );
    const row = rows[0];
    if (!row?.active) return null;
    return {
      id: Number(row.id),
      name: String(row.name),
      department: row.department as string | null,
    };
  }

  app.get('/trpc/floor.session', async (request, reply) => {
    const user = await signedInUser(request.headers.cookie);
    if (!user) return reply.code(401).send({ error: 'no session' });
    return { result: { data: { userId: user.id } } };
  });

  app.post<{ Body: { idempotencyKey?: unknown } | undefined }>(
    '/trpc/attendance.clockIn',
    async (request, reply) => {
      const key = request.body?.idempotencyKey;
      if (typeof key !== 'string' || key.length === 0 || key.length > 64)
        return reply.code(400).send({ error: 'idempotencyKey: a string of 1 to 64 characters' });
      const user = await signedInUser(request.headers.cookie);
      if (!user) return reply.code(401).send({ error: 'no session' });
      const at = new Date();
      const rules = clockInRules(at, await policy.get());
      let written;
      try {
        written = await writeClockIn(pool, {
          user,
          idempotencyKey: key,
          rules,
          nodeId: settings.nodeId,
          at,
        });
      } catch (error) {
        // A repeated key or a second open shift collides on a unique index, as in the API.
        const duplicate = (error as { code?: string }).code === 'ER_DUP_ENTRY';
        return reply.code(duplicate ? 409 : 500).send({ error: (error as Error).message });
      }
      // After commit, as the API does: append, then mark sent. When the append fails the row stays
      // unsent (the worker would append it) and the clock-in still succeeds.
      try {
        await feedRedis.xadd(
          settings.streamKey,
          'MAXLEN',
          '~',
          String(STREAM_MAX_LENGTH),
          '*',
          'e',
          written.payload,
        );
        sentMarks.mark([written.event.id]);
      } catch (error) {
        console.warn(`event ${written.event.id} left in the outbox: ${String(error)}`);
      }
      return {
        result: {
          data: {
            id: written.attendanceId,
            userId: user.id,
            workDate: rules.workDate,
            status: rules.status,
            lateMinutes: rules.lateMinutes,
            clockInAt: written.event.data.clockInAt,
            clockInClientAt: null,
            clockInNode: settings.nodeId,
            clockInSource: 'online',
            clockInLocation: null,
            clockInNote: null,
            clockOutAt: null,
            clockOutClientAt: null,
            clockOutNode: null,
            clockOutSource: null,
            clockOutKind: null,
            clockOutLocation: null,
            clockOutNote: null,
            workedMinutes: null,
          },
        },
      };
    },
  );

  app.get('/healthz', () => ({ status: 'ok', node: settings.nodeId }));
  await app.listen({ host: '127.0.0.1', port: settings.port });
  return {
    async close() {
      await app.close();
      await sentMarks.flush();
      await pool.end();
      sessionsRedis.disconnect();
      feedRedis.disconnect();
    },
  };
}

await runWhenEntry(import.meta.url, startEqualWorkFloor);
