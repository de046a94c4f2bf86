/**
 * The signed-in user's row, read on every request whose node has not seen that user lately (in a
 * morning rush: every clock-in). One prepared statement instead of `findByPk`, whose model query
 * path cost more CPU than the lookup itself.
 */
import { QueryTypes } from 'sequelize';
import type { Database } from './connect.js';
import type { Role } from './models/index.js';

export interface SessionUserRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  department: string | null;
  active: boolean;
}

export async function sessionUserRow(db: Database, id: number): Promise<SessionUserRow | null> {
  const rows = await db.sequelize.query<Omit<SessionUserRow, 'active'> & { active: unknown }>(
    'SELECT id, name, email, role, department, active FROM users WHERE id = $id',
    { type: QueryTypes.SELECT, bind: { id } },
  );
  const row = rows[0];
  // MySQL and SQLite hand a boolean column back as 1/0.
  return row ? { ...row, active: Boolean(row.active) } : null;
}
