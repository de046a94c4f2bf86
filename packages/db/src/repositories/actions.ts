/** attendance_actions: one row per employee tap, keyed by the idempotency key the client made for it. */
import { QueryTypes } from 'sequelize';
import type { Database, Tx } from '../connect.js';
import type { ActionKind, AttendanceAction } from '../models/index.js';
import { stored } from './stored.js';

/**
 * Records which action an idempotency key took; a second use of the key collides on its primary key
 * (see isUniqueViolation). A prepared statement: MariaDB parses it once per connection.
 */
export async function insert(
  db: Database,
  action: { idempotencyKey: string; userId: number; kind: ActionKind; attendanceId: number },
  tx: Tx,
): Promise<void> {
  await db.sequelize.query(
    `INSERT INTO attendance_actions (idempotency_key, user_id, kind, attendance_id, created_at)
     VALUES ($idempotencyKey, $userId, $kind, $attendanceId, $now)`,
    { type: QueryTypes.INSERT, transaction: tx, bind: { ...action, now: stored(db, new Date()) } },
  );
}

/** The action taken with this key, or null when the key is new. */
export function byKey(
  db: Database,
  idempotencyKey: string,
  tx?: Tx,
): Promise<AttendanceAction | null> {
  return db.models.AttendanceAction.findByPk(idempotencyKey, { transaction: tx ?? null });
}
