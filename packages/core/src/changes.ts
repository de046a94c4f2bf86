/**
 * What happens after a use case commits, in one place: its events go to the feed, and every cache
 * that shows what changed is dropped. Use cases say what they changed; they never touch a cache.
 */
import { isAttendanceEvent, type AppEvent } from '@absensi/events';
import type { CoreDeps } from './deps.js';
import { publishEvents } from './outbox/publish.js';

export interface Committed {
  /** The events written to the outbox in the transaction. */
  events?: readonly AppEvent[];
  /** Accounts changed (name, role, department, active, password). */
  users?: readonly number[];
  /** The company settings changed. */
  settings?: boolean;
  /** Shift types, schedules, assignments or the roster changed. */
  schedules?: boolean;
  /**
   * Sites, employees' sites or holidays changed: what a day's schedule is resolved from, and so who
   * is expected in.
   */
  calendar?: boolean;
}

/** Publishes the events and drops stale caches; returns whether the feed took the events. */
export async function afterCommit(
  deps: Pick<CoreDeps, 'feed' | 'log' | 'sentMarks' | 'dashboardCache' | 'users'> &
    Partial<Pick<CoreDeps, 'planning' | 'statuses'>>,
  committed: Committed,
): Promise<boolean> {
  const events = committed.events ?? [];
  for (const userId of committed.users ?? []) deps.users?.forget(userId);
  if (committed.schedules || committed.calendar) deps.planning?.invalidate();
  // The dashboard shows attendance, names and departments, counts in the company's zone, and
  // who is expected in (not on a holiday).
  const dashboardStale =
    events.some(isAttendanceEvent) ||
    (committed.users?.length ?? 0) > 0 ||
    committed.settings ||
    committed.schedules ||
    committed.calendar;
  if (dashboardStale) await deps.dashboardCache?.invalidate().catch(() => undefined);
  // The daily status of days an admin changed (a correction, an added shift), and of every recent
  // day when the plan changed; a tap's own day is settled by the periodic pass.
  if (committed.schedules || committed.calendar) deps.statuses?.refreshRecentMonths();
  for (const event of events) {
    if (!isAttendanceEvent(event)) continue;
    const byAdmin =
      event.type === 'AttendanceUpdated'
        ? event.data.change === 'correction'
        : event.data.origin === 'admin';
    if (byAdmin) deps.statuses?.refreshDays(event.data.userId, [event.data.workDate]);
  }
  return publishEvents(deps, events);
}
