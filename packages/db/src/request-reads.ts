/**
 * The reads behind the busiest requests, as single prepared statements. The model methods
 * (`findByPk`, `findAll`) build the same SQL again on every call and send it as text; on these
 * paths that cost more CPU than the lookup itself.
 */
import { QueryTypes } from 'sequelize';
import type { Database } from './connect.js';
import type { Attendance, Role } from './models/index.js';

export interface SessionUserRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  department: string | null;
  active: boolean;
}

/**
 * The signed-in user's row, read on every request whose node has not seen that user lately (in a
 * morning rush: every clock-in).
 */
export async function sessionUserRow(db: Database, id: number): Promise<SessionUserRow | null> {
  const rows = await db.sequelize.query<Omit<SessionUserRow, 'active'> & { active: unknown }>(
    'SELECT id, name, email, role, department, active FROM users WHERE id = $id',
    { type: QueryTypes.SELECT, bind: { id } },
  );
  const row = rows[0];
  // MySQL and SQLite hand a boolean column back as 1/0.
  return row ? { ...row, active: Boolean(row.active) } : null;
}

/**
 * The user's records of one work date and their open shift (which may have begun earlier), oldest
 * first: what the app shows each time it opens or comes back to the front.
 */
export function dayOfUser(db: Database, userId: number, workDate: string): Promise<Attendance[]> {
  // The quoted table name is what lets Sequelize's SQLite dialect find the column types and parse
  // the dates, as it does for findAll (backticks quote on MySQL too).
  return db.sequelize.query(
    `SELECT * FROM \`attendance\`
     WHERE user_id = $userId AND (work_date = $workDate OR open_user_id IS NOT NULL)
     ORDER BY id`,
    { bind: { userId, workDate }, model: db.models.Attendance, mapToModel: true },
  );
}
