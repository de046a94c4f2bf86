import { repos } from '@absensi/db';
import type { NotificationKind } from '@absensi/events';
import type { Actor } from '../actor.js';
import type { CoreDeps } from '../deps.js';
import type { NotificationDetails } from './notify.js';

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  details: NotificationDetails;
  /** ISO instant. */
  createdAt: string;
  read: boolean;
}

/** The caller's notifications, newest first, a page at a time, with how many are unread. */
export async function myNotifications(
  deps: Pick<CoreDeps, 'db'>,
  actor: Actor,
  page: { before?: number | undefined; limit: number },
): Promise<{ items: NotificationView[]; unread: number; nextBefore: number | null }> {
  const [rows, unread] = await Promise.all([
    repos.notifications.ofUser(deps.db, { userId: actor.id, ...page }),
    repos.notifications.unreadCount(deps.db, actor.id),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind as NotificationKind,
      details: JSON.parse(row.data) as NotificationDetails,
      createdAt: new Date(row.createdAt).toISOString(),
      read: row.readAt !== null,
    })),
    unread,
    nextBefore: rows.length === page.limit ? rows[rows.length - 1]!.id : null,
  };
}

/** Marks the caller's notifications read, up to `upTo` (all when absent); returns how many. */
export async function markNotificationsRead(
  deps: Pick<CoreDeps, 'db' | 'clock'>,
  actor: Actor,
  input: { upTo?: number | undefined },
): Promise<{ marked: number }> {
  return {
    marked: await repos.notifications.markRead(deps.db, {
      userId: actor.id,
      upTo: input.upTo,
      at: deps.clock(),
    }),
  };
}
