/**
 * The inserts of the clock-in path as single SQL statements. `Model.create` builds an instance,
 * validates, runs hooks and formats through several layers before the one INSERT it sends; on the
 * busiest path of the system that machinery cost more CPU than the database round trip itself.
 * The statements run unchanged on MySQL/MariaDB and SQLite, and a unique-key collision still
 * surfaces as Sequelize's `UniqueConstraintError`. Values go as `bind` parameters, not
 * `replacements`: Sequelize then sends them with mysql2's `execute`, so MariaDB parses each
 * statement once per connection instead of once per clock-in.
 */
import { QueryTypes, type Transaction } from 'sequelize';
import type { Database } from './connect.js';
import { Attendance, type ActionKind } from './models/index.js';

/**
 * A Date as the column stores it, milliseconds kept (a bare Date replacement loses them on MySQL):
 * UTC text, with the offset suffix Sequelize writes on SQLite.
 */
function stored(db: Database, date: Date | null): string | null {
  if (date === null) return null;
  const iso = date.toISOString();
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  return db.kind === 'sqlite' ? `${text} +00:00` : text;
}

type NewShift = Pick<
  Attendance,
  | 'userId'
  | 'workDate'
  | 'status'
  | 'lateMinutes'
  | 'clockInAt'
  | 'clockInClientAt'
  | 'clockInNode'
  | 'clockInSource'
  | 'clockInLat'
  | 'clockInLng'
  | 'clockInAccuracy'
  | 'clockInNote'
>;

/** Opens a shift (clock-in); returns the row as the model would. */
export async function insertOpenShift(
  db: Database,
  shift: NewShift,
  transaction: Transaction,
): Promise<Attendance> {
  const now = new Date();
  const [id] = await db.sequelize.query(
    `INSERT INTO attendance (user_id, work_date, status, late_minutes, clock_in_at, clock_in_client_at,
       clock_in_node, clock_in_source, clock_in_lat, clock_in_lng, clock_in_accuracy, clock_in_note,
       open_user_id, created_at, updated_at)
     VALUES ($userId, $workDate, $status, $lateMinutes, $clockInAt, $clockInClientAt, $clockInNode,
       $clockInSource, $clockInLat, $clockInLng, $clockInAccuracy, $clockInNote, $userId, $now, $now)`,
    {
      type: QueryTypes.INSERT,
      transaction,
      bind: {
        ...shift,
        clockInAt: stored(db, shift.clockInAt),
        clockInClientAt: stored(db, shift.clockInClientAt),
        now: stored(db, now),
      },
    },
  );
  return Attendance.build(
    {
      ...shift,
      id: Number(id),
      clockOutAt: null,
      clockOutClientAt: null,
      clockOutNode: null,
      clockOutSource: null,
      clockOutKind: null,
      clockOutLat: null,
      clockOutLng: null,
      clockOutAccuracy: null,
      clockOutNote: null,
      openUserId: shift.userId,
      createdAt: now,
      updatedAt: now,
    },
    { isNewRecord: false, raw: true },
  );
}

/** Records which action an idempotency key took; a second use of the key collides on its primary key. */
export async function insertAction(
  db: Database,
  action: { idempotencyKey: string; userId: number; kind: ActionKind; attendanceId: number },
  transaction: Transaction,
): Promise<void> {
  await db.sequelize.query(
    `INSERT INTO attendance_actions (idempotency_key, user_id, kind, attendance_id, created_at)
     VALUES ($idempotencyKey, $userId, $kind, $attendanceId, $now)`,
    {
      type: QueryTypes.INSERT,
      transaction,
      bind: { ...action, now: stored(db, new Date()) },
    },
  );
}

/** Writes outbox rows, unsent. */
export async function insertOutboxEvents(
  db: Database,
  events: readonly {
    id: string;
    type: string;
    payload: string;
    userId: number | null;
    nodeId: string;
    createdAt: Date;
  }[],
  transaction: Transaction,
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((_, index) =>
    ['id', 'type', 'payload', 'userId', 'nodeId', 'createdAt'].map((field) => `$${field}${index}`),
  );
  const bind: Record<string, string | number | null> = {};
  events.forEach((event, index) => {
    bind[`id${index}`] = event.id;
    bind[`type${index}`] = event.type;
    bind[`payload${index}`] = event.payload;
    bind[`userId${index}`] = event.userId;
    bind[`nodeId${index}`] = event.nodeId;
    bind[`createdAt${index}`] = stored(db, event.createdAt);
  });
  await db.sequelize.query(
    `INSERT INTO events (id, type, payload, user_id, node_id, created_at, sent_at)
     VALUES ${rows.map((row) => `(${row.join(', ')}, NULL)`).join(', ')}`,
    { type: QueryTypes.INSERT, transaction, bind },
  );
}
