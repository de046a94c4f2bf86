import { repos, type Tx } from '@absensi/db';
import { newEventId, type NotificationCreated, type NotificationKind } from '@absensi/events';
import type { CoreDeps } from '../deps.js';
import { recordEvents } from '../outbox/publish.js';

export type NotificationDetails = NotificationCreated['data']['details'];

/**
 * Tells a person something happened, in the transaction of the change: a row they find in their
 * notifications, and an event (in the outbox) that reaches their live subscription. Returns the
 * event for the caller to publish after commit.
 */
export async function notify(
  deps: Pick<CoreDeps, 'db' | 'nodeId' | 'clock'>,
  tx: Tx,
  notification: { userId: number; kind: NotificationKind; details: NotificationDetails },
): Promise<NotificationCreated> {
  const row = await repos.notifications.create(
    deps.db,
    {
      userId: notification.userId,
      kind: notification.kind,
      data: JSON.stringify(notification.details),
    },
    tx,
  );
  const event: NotificationCreated = {
    id: newEventId(),
    type: 'NotificationCreated',
    occurredAt: deps.clock().toISOString(),
    nodeId: deps.nodeId,
    data: {
      userId: notification.userId,
      notificationId: row.id,
      kind: notification.kind,
      details: notification.details,
    },
  };
  await recordEvents(deps, [event], tx);
  return event;
}
