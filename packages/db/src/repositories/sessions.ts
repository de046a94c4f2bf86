/** The sessions table: sign-ins kept in the database (the embedded mode, and behind Redis in the cluster). */
import { Op } from 'sequelize';
import type { Database } from '../connect.js';

/** Writes the session's data (JSON) with its expiry. */
export async function save(
  db: Database,
  session: { id: string; data: string; expiresAt: Date },
): Promise<void> {
  await db.models.SessionRow.upsert(session);
}

/** The session's data (JSON) while it has not expired, else null. */
export async function dataOf(db: Database, id: string, now = new Date()): Promise<string | null> {
  const row = await db.models.SessionRow.findByPk(id);
  return row && row.expiresAt > now ? row.data : null;
}

export async function remove(db: Database, id: string): Promise<void> {
  await db.models.SessionRow.destroy({ where: { id } });
}

/** Removes expired sessions; returns how many. */
export function sweep(db: Database, now = new Date()): Promise<number> {
  return db.models.SessionRow.destroy({ where: { expiresAt: { [Op.lt]: now } } });
}
