/**
 * The bare-insert floor (and the session floor of the reads): a bare Fastify process with no tRPC,
 * no Sequelize and no session plugin. Its sibling doing all of a clock-in's work is
 * `equal-work/server.ts`. Run as its own process (four of them behind nginx, like the API nodes):
 *   node floor-server.js '{"port":…,"databaseUrl":…,"redisUrl":…,"redisPrefix":…,"sessionSecret":…}'
 * - POST /trpc/attendance.clockIn: the same session lookup (signed cookie → Redis) and the same
 *   three inserts (attendance, attendance_actions, events) in one transaction, with mysql2. Its
 *   event rows are written already marked sent, so the cluster's worker never publishes them.
 * - GET /trpc/floor.session: the same session lookup, nothing else.
 */
import { randomUUID } from 'node:crypto';
import { Signer } from '@fastify/cookie';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { createPool, type ResultSetHeader } from 'mysql2/promise';
import { SESSION_COOKIE } from '@absensi/api';
import { cookieValue } from './cookies.js';
import { runWhenEntry } from './process-entry.js';

export interface FloorSettings {
  port: number;
  /** Written into the rows, like APP_NODE_ID. */
  nodeId: string;
  databaseUrl: string;
  redisUrl: string;
  /** Sessions are read under `${redisPrefix}sess:<id>`. */
  redisPrefix: string;
  /** Verifies the signed session cookie, as the API's. */
  sessionSecret: string;
  /** Connections in the pool (the API nodes' DB_POOL_MAX). */
  poolSize: number;
}

export async function startFloor(settings: FloorSettings) {
  const signer = new Signer(settings.sessionSecret);
  const redis = new Redis(settings.redisUrl);
  const pool = createPool({ uri: settings.databaseUrl, connectionLimit: settings.poolSize });
  const app = Fastify({ logger: false });

  async function userIdOf(cookieHeader: string | undefined): Promise<number | null> {
    const signed = cookieValue(cookieHeader, SESSION_COOKIE);
    if (!signed) return null;
    const unsigned = signer.unsign(signed);
    if (!unsigned.valid || unsigned.value === null) return null;
    const raw = await redis.get(`${settings.redisPrefix}sess:${unsigned.value}`);
    if (raw === null) return null;
    const session = JSON.parse(raw) as { userId?: number };
    return typeof session.userId === 'number' ? session.userId : null;
  }

  app.get('/trpc/floor.session', async (request, reply) => {
    const userId = await userIdOf(request.headers.cookie);
    if (userId === null) return reply.code(401).send({ error: 'no session' });
    return { result: { data: { userId } } };
  });

  app.post<{ Body: { idempotencyKey?: string } }>(
    '/trpc/attendance.clockIn',
    async (request, reply) => {
      const userId = await userIdOf(request.headers.cookie);
      if (userId === null) return reply.code(401).send({ error: 'no session' });
      const key = request.body?.idempotencyKey ?? randomUUID();
      const now = new Date();
      const workDate = now.toISOString().slice(0, 10);
      const connection = await pool.getConnection();
      try {
        await connection.beginTransaction();
        const [inserted] = await connection.execute<ResultSetHeader>(
          `INSERT INTO attendance (user_id, work_date, status, late_minutes, clock_in_at, clock_in_node,
           clock_in_source, open_user_id, created_at, updated_at)
         VALUES (?, ?, 'on_time', 0, ?, ?, 'online', ?, ?, ?)`,
          [userId, workDate, now, settings.nodeId, userId, now, now],
        );
        await connection.execute(
          `INSERT INTO attendance_actions (idempotency_key, user_id, kind, attendance_id, created_at)
         VALUES (?, ?, 'clock_in', ?, ?)`,
          [key, userId, inserted.insertId, now],
        );
        const eventId = `floor${randomUUID().replaceAll('-', '').slice(0, 21)}`;
        const payload = JSON.stringify({
          id: eventId,
          type: 'AttendanceCreated',
          attendanceId: inserted.insertId,
          userId,
        });
        await connection.execute(
          `INSERT INTO events (id, type, payload, user_id, node_id, created_at, sent_at)
         VALUES (?, 'AttendanceCreated', ?, ?, ?, ?, ?)`,
          // Marked sent: these rows are not real events, and the worker re-publishes unsent ones.
          [eventId, payload, userId, settings.nodeId, now, now],
        );
        await connection.commit();
        return {
          result: { data: { id: inserted.insertId, userId, clockInNode: settings.nodeId } },
        };
      } catch (error) {
        await connection.rollback().catch(() => undefined);
        return reply.code(409).send({ error: (error as Error).message });
      } finally {
        connection.release();
      }
    },
  );

  app.get('/healthz', () => ({ status: 'ok', node: settings.nodeId }));
  await app.listen({ host: '127.0.0.1', port: settings.port });
  return {
    async close() {
      await app.close();
      await pool.end();
      redis.disconnect();
    },
  };
}

await runWhenEntry(import.meta.url, startFloor);
