/** The notifications table: what happened to a person, for them to read in the app. */
import { Op } from 'sequelize';
import type { Database, Tx } from '../connect.js';
import type { NotificationRow } from '../models/index.js';

export function create(
  db: Database,
  notification: Pick<NotificationRow, 'userId' | 'kind' | 'data'>,
  tx: Tx,
): Promise<NotificationRow> {
  return db.models.NotificationRow.create({ ...notification, readAt: null }, { transaction: tx });
}

/** The person's notifications, newest first, `limit` after the `before` id. */
export function ofUser(
  db: Database,
  query: { userId: number; before?: number | undefined; limit: number },
): Promise<NotificationRow[]> {
  return db.models.NotificationRow.findAll({
    where: {
      userId: query.userId,
      ...(query.before === undefined ? {} : { id: { [Op.lt]: query.before } }),
    },
    order: [['id', 'DESC']],
    limit: query.limit,
  });
}

export function unreadCount(db: Database, userId: number): Promise<number> {
  return db.models.NotificationRow.count({ where: { userId, readAt: null } });
}

/** Marks the person's notifications up to `upTo` (all when absent) read; returns how many. */
export async function markRead(
  db: Database,
  query: { userId: number; upTo?: number | undefined; at: Date },
): Promise<number> {
  const [count] = await db.models.NotificationRow.update(
    { readAt: query.at },
    {
      where: {
        userId: query.userId,
        readAt: null,
        ...(query.upTo === undefined ? {} : { id: { [Op.lte]: query.upTo } }),
      },
    },
  );
  return count;
}
