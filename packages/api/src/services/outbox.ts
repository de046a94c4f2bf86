import type { Transaction } from 'sequelize';
import { Op } from 'sequelize';
import { insertOutboxEvents } from '@absensi/db';
import type { AppEvent } from '@absensi/events';
import { eventSubject, isAttendanceEvent } from '@absensi/events';
import type { AppDeps } from '../deps.js';

/** Writes events to the outbox inside the transaction of the change they describe. */
export async function recordEvents(
  deps: Pick<AppDeps, 'db'>,
  events: readonly AppEvent[],
  transaction: Transaction,
) {
  await insertOutboxEvents(
    deps.db,
    events.map((event) => ({
      id: event.id,
      type: event.type,
      payload: JSON.stringify(event),
      userId: eventSubject(event),
      nodeId: event.nodeId,
      createdAt: new Date(event.occurredAt),
    })),
    transaction,
  );
}

/**
 * After commit: appends the events to the feed and marks them sent. When the feed is unreachable
 * the events stay unsent in the outbox and the worker appends them later; the request succeeds.
 */
export async function publishEvents(
  deps: Pick<AppDeps, 'db' | 'feed' | 'log' | 'clock' | 'dashboardCache' | 'sentMarks'>,
  events: readonly AppEvent[],
): Promise<boolean> {
  if (events.length === 0) return true;
  if (events.some(isAttendanceEvent))
    await deps.dashboardCache?.invalidate().catch(() => undefined);
  try {
    await deps.feed.append(events);
  } catch (error) {
    deps.log.warn(
      { err: error, events: events.map((event) => event.id) },
      'event feed unreachable; events left in the outbox',
    );
    return false;
  }
  deps.sentMarks.mark(events.map((event) => event.id));
  return true;
}

/** Appends outbox events that were never sent (oldest first), in batches; returns how many went out. */
export async function republishUnsent(
  deps: Pick<AppDeps, 'db' | 'feed' | 'log' | 'clock' | 'dashboardCache' | 'sentMarks'>,
  options: { olderThanMs: number; batchSize: number },
): Promise<number> {
  const cutoff = new Date(deps.clock().getTime() - options.olderThanMs);
  const rows = await deps.db.models.EventRow.findAll({
    where: { sentAt: null, createdAt: { [Op.lte]: cutoff } },
    order: [['id', 'ASC']],
    limit: options.batchSize,
  });
  if (rows.length === 0) return 0;
  const events = rows.map((row) => JSON.parse(row.payload) as AppEvent);
  return (await publishEvents(deps, events)) ? events.length : 0;
}
