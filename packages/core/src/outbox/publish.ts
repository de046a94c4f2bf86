import { repos, type Tx } from '@absensi/db';
import { eventSubject, type AppEvent } from '@absensi/events';
import type { CoreDeps } from '../deps.js';

/** Writes events to the outbox inside the transaction of the change they describe. */
export async function recordEvents(
  deps: Pick<CoreDeps, 'db'>,
  events: readonly AppEvent[],
  tx: Tx,
): Promise<void> {
  await repos.outbox.insert(
    deps.db,
    events.map((event) => ({
      id: event.id,
      type: event.type,
      payload: JSON.stringify(event),
      userId: eventSubject(event),
      nodeId: event.nodeId,
      createdAt: new Date(event.occurredAt),
    })),
    tx,
  );
}

/**
 * After commit: appends the events to the feed and marks them sent. When the feed is unreachable
 * the events stay unsent in the outbox and the worker appends them later; the caller succeeds.
 * Returns whether the feed took them.
 */
export async function publishEvents(
  deps: Pick<CoreDeps, 'feed' | 'log' | 'sentMarks'>,
  events: readonly AppEvent[],
): Promise<boolean> {
  if (events.length === 0) return true;
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
