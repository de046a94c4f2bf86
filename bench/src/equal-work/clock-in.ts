/**
 * The write of one clock-in, for the equal-work floor: one transaction holding the attendance row
 * (the open shift), the attendance_actions row (its idempotency key) and the outbox event, each
 * INSERT a prepared statement (mysql2 `execute`), columns as packages/db's inserts.ts writes them.
 */
import type { Pool, ResultSetHeader } from 'mysql2/promise';
import { newEventId, type AttendanceCreated } from '@absensi/events';
import type { ClockInRules } from './shift.js';

export interface SignedInUser {
  id: number;
  name: string;
  department: string | null;
}

/** What the transaction wrote: the new attendance id, and the event to append to the feed. */
export interface WrittenClockIn {
  attendanceId: number;
  event: AttendanceCreated;
  /** The event as stored in the outbox row and appended to the feed (JSON). */
  payload: string;
}

export async function writeClockIn(
  pool: Pool,
  input: {
    user: SignedInUser;
    idempotencyKey: string;
    rules: ClockInRules;
    nodeId: string;
    at: Date;
  },
): Promise<WrittenClockIn> {
  const { user, rules, nodeId, at } = input;
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    const [inserted] = await connection.execute<ResultSetHeader>(
      `INSERT INTO attendance (user_id, work_date, status, late_minutes, clock_in_at, clock_in_client_at,
         clock_in_node, clock_in_source, clock_in_lat, clock_in_lng, clock_in_accuracy, clock_in_note,
         open_user_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      // clock_in_client_at, the location and the note are NULL: the bench's taps are online, bare.
      [
        user.id,
        rules.workDate,
        rules.status,
        rules.lateMinutes,
        at,
        null,
        nodeId,
        'online',
        null,
        null,
        null,
        null,
        user.id,
        at,
        at,
      ],
    );
    const attendanceId = inserted.insertId;
    await connection.execute(
      `INSERT INTO attendance_actions (idempotency_key, user_id, kind, attendance_id, created_at)
       VALUES (?, ?, 'clock_in', ?, ?)`,
      [input.idempotencyKey, user.id, attendanceId, at],
    );
    const event: AttendanceCreated = {
      id: newEventId(at.getTime()),
      occurredAt: at.toISOString(),
      nodeId,
      type: 'AttendanceCreated',
      data: {
        attendanceId,
        userId: user.id,
        userName: user.name,
        department: user.department,
        workDate: rules.workDate,
        status: rules.status,
        lateMinutes: rules.lateMinutes,
        clockInAt: at.toISOString(),
        clockInNode: nodeId,
        clockOutAt: null,
        clockOutNode: null,
        clockOutKind: null,
      },
    };
    const payload = JSON.stringify(event);
    await connection.execute(
      `INSERT INTO events (id, type, payload, user_id, node_id, created_at, sent_at)
       VALUES (?, 'AttendanceCreated', ?, ?, ?, ?, NULL)`,
      [event.id, payload, user.id, nodeId, at],
    );
    await connection.commit();
    return { attendanceId, event, payload };
  } catch (error) {
    await connection.rollback().catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
}
