/** The events table: the outbox every change writes its events to, in the change's transaction. */
import { Op, QueryTypes } from 'sequelize';
import type { Database, Tx } from '../connect.js';
import type { EventRow } from '../models/index.js';
import { stored } from './stored.js';

export interface OutboxEvent {
  id: string;
  type: string;
  /** The event as JSON. */
  payload: string;
  userId: number | null;
  nodeId: string;
  createdAt: Date;
}

/** Writes outbox rows, unsent, in one prepared INSERT. */
export async function insert(db: Database, events: readonly OutboxEvent[], tx: Tx): Promise<void> {
  if (events.length === 0) return;
  const fields = ['id', 'type', 'payload', 'userId', 'nodeId', 'createdAt'] as const;
  const rows = events.map((_, index) => fields.map((field) => `$${field}${index}`));
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
    { type: QueryTypes.INSERT, transaction: tx, bind },
  );
}

/** Marks events appended to the feed. */
export async function markSent(db: Database, ids: readonly string[], sentAt: Date): Promise<void> {
  await db.models.EventRow.update({ sentAt }, { where: { id: { [Op.in]: [...ids] } } });
}

/** Events never marked sent and written at or before `writtenBy`, oldest first. */
export function unsent(
  db: Database,
  query: { writtenBy: Date; limit: number },
): Promise<EventRow[]> {
  return db.models.EventRow.findAll({
    where: { sentAt: null, createdAt: { [Op.lte]: query.writtenBy } },
    order: [['id', 'ASC']],
    limit: query.limit,
  });
}

/** The newest `limit` events of the given types, newest first. */
export function latestOfTypes(
  db: Database,
  types: readonly string[],
  limit: number,
): Promise<EventRow[]> {
  return db.models.EventRow.findAll({
    where: { type: { [Op.in]: [...types] } },
    order: [['id', 'DESC']],
    limit,
  });
}

/** The newest `limit` events of every type, newest first. */
export function latest(db: Database, limit: number): Promise<EventRow[]> {
  return db.models.EventRow.findAll({ order: [['id', 'DESC']], limit });
}
