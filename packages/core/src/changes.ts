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

/**
 * How long after a change of accounts, settings, schedules or the calendar the employees' days and
 * the dashboard are dropped a second time: another process may still build them from its planning
 * cache (5 s) or user cache (until the account notice arrives) as they were, and store them under
 * the new version.
 */
const SECOND_DROP_MS = 6_000;

/** Settings, schedules, sites or holidays changed: what everyone's day is planned from. */
const changesEveryone = (committed: Committed) =>
  Boolean(committed.settings || committed.schedules || committed.calendar);

/** The change is read through the planning or user caches of every process. */
const readThroughCaches = (committed: Committed) =>
  changesEveryone(committed) || (committed.users?.length ?? 0) > 0;

/** Drops again after SECOND_DROP_MS what a change read through the planning or user caches. */
function dropAgainLater(committed: Committed, drop: () => Promise<unknown>) {
  if (readThroughCaches(committed)) setTimeout(() => void drop(), SECOND_DROP_MS).unref();
}

/**
 * Employees' days (`attendance.today`): their attendance, their requests and their account
 * (department: the plan) are theirs alone; settings, schedules, sites and holidays change everyone's.
 */
async function dropDays(
  deps: Pick<CoreDeps, 'log'> & Partial<Pick<CoreDeps, 'dayCache'>>,
  events: readonly AppEvent[],
  committed: Committed,
) {
  const cache = deps.dayCache;
  if (!cache) return;
  const everyone = changesEveryone(committed);
  const people = new Set(committed.users ?? []);
  // A decided request (leave, a correction) may change the person's day as well as their records.
  for (const event of events)
    if (isAttendanceEvent(event) || event.type === 'RequestChanged') people.add(event.data.userId);
  if (!everyone && people.size === 0) return;
  const drop = () =>
    (everyone ? cache.invalidateAll() : cache.invalidateUsers([...people])).catch(
      (error: unknown) =>
        deps.log.warn(
          { err: error },
          "employees' days not dropped from the cache; kept at most 60 s",
        ),
    );
  await drop();
  dropAgainLater(committed, drop);
}

/** Publishes the events and drops stale caches; returns whether the feed took the events. */
export async function afterCommit(
  deps: Pick<CoreDeps, 'feed' | 'log' | 'sentMarks' | 'dashboardCache' | 'users'> &
    Partial<Pick<CoreDeps, 'planning' | 'dayCache'>>,
  committed: Committed,
): Promise<boolean> {
  const events = committed.events ?? [];
  for (const userId of committed.users ?? []) deps.users?.forget(userId);
  if (committed.schedules || committed.calendar) deps.planning?.invalidate();
  // The dashboard shows attendance, names and departments, counts in the company's zone, and
  // who is expected in (not on a holiday, not on approved leave).
  const dashboardStale =
    events.some(isAttendanceEvent) ||
    events.some(
      (event) =>
        event.type === 'RequestChanged' &&
        event.data.kind === 'leave' &&
        event.data.state !== 'pending',
    ) ||
    readThroughCaches(committed);
  // Both before the events go out, so a screen that reloads on an event reads what changed; at
  // once, so the two Redis round trips overlap.
  await Promise.all([
    dashboardStale ? deps.dashboardCache?.invalidate().catch(() => undefined) : undefined,
    dropDays(deps, events, committed),
  ]);
  dropAgainLater(committed, async () => deps.dashboardCache?.invalidate().catch(() => undefined));
  return publishEvents(deps, events);
}
