import { repos } from '@absensi/db';
import { isAttendanceEvent, type AppEvent, type AttendanceEvent } from '@absensi/events';
import type { CoreDeps } from '../deps.js';
import { localHour, workDateOf } from '../attendance/rules/index.js';
import { cachedSnapshot, viewName } from './snapshot-cache.js';
import { notYetIn } from './not-yet-in.js';
import type { OnLeavePerson } from './on-leave.js';
import type { Actor } from '../actor.js';
import { departmentsFor, scopeOf } from '../auth/scope.js';

export interface Dashboard {
  generatedAt: string;
  workDate: string;
  timeZone: string;
  /** People, not records: each person counts once in each. */
  counts: {
    /** Active employees. */
    employees: number;
    /** People with a shift open now (a night shift begun yesterday included). */
    present: number;
    /** People whose clock-in today was late. */
    lateToday: number;
    /**
     * Employees whose scheduled shift began more than its late grace ago, with no record for it,
     * no shift open and no approved leave: absent so far (alpa if the day ends so).
     */
    notYetIn: number;
    /** Employees on approved leave on the work date. */
    onLeave: number;
    /** People who clocked in today and have no shift open now. */
    clockedOut: number;
  };
  /** The latest DASHBOARD_LIST_LIMIT arrivals; `counts.present` says how many in all. */
  present: {
    userId: number;
    name: string;
    department: string | null;
    since: string;
    status: 'on_time' | 'late' | 'unscheduled';
    node: string;
  }[];
  /** The first DASHBOARD_LIST_LIMIT of them by name; `counts.notYetIn` says how many in all. */
  notYetIn: { userId: number; name: string; department: string | null }[];
  /** The first DASHBOARD_LIST_LIMIT people on approved leave on the work date, by name. */
  onLeave: OnLeavePerson[];
  /** Clock-ins today by local hour of the tap, 24 buckets. */
  clockInsByHour: number[];
  byNode: { node: string; clockIns: number; clockOuts: number }[];
  latest: AttendanceEvent[];
}

/** How many names the lists carry; the counts are always whole. */
export const DASHBOARD_LIST_LIMIT = 200;
const LATEST_EVENTS = 20;

/** Clock-ins per local hour, from counts per UTC quarter-hour (repos.dashboard.BUCKET_SECONDS). */
export function hoursOfQuarterHours(
  buckets: readonly { bucket: number; count: number }[],
  timeZone: string,
): number[] {
  const hours = Array.from({ length: 24 }, () => 0);
  for (const { bucket, count } of buckets) {
    const hour = localHour(new Date(bucket * repos.dashboard.BUCKET_SECONDS * 1000), timeZone);
    hours[hour] = (hours[hour] ?? 0) + count;
  }
  return hours;
}

/**
 * The picture of today for an admin (everyone) or a manager (`departments`): who is in, who is
 * late, who should be here and is not, and what happened last. Counts come from the database
 * (GROUP BY), so the cost does not grow with the rows of the day; the lists of people stop at
 * DASHBOARD_LIST_LIMIT names, newest arrivals first.
 */
export async function buildDashboard(
  deps: Pick<CoreDeps, 'db' | 'settings' | 'clock' | 'planning'>,
  view: { departments?: string[] | undefined; siteId?: number | undefined } = {},
): Promise<Dashboard> {
  const settings = await deps.settings.get();
  const now = deps.clock();
  const workDate = workDateOf(now, settings.timeZone);
  const { departments, siteId } = view;
  const narrowed = departments !== undefined || siteId !== undefined;
  const [day, absentees, present, latestRows] = await Promise.all([
    repos.dashboard.dayCounts(deps.db, { workDate, departments, siteId }),
    notYetIn(deps, {
      now,
      timeZone: settings.timeZone,
      departments,
      siteId,
      limit: DASHBOARD_LIST_LIMIT,
    }),
    repos.attendance.latestOpen(deps.db, { limit: DASHBOARD_LIST_LIMIT, departments, siteId }),
    repos.outbox.latestOfTypes(
      deps.db,
      ['AttendanceCreated', 'AttendanceUpdated'],
      narrowed ? LATEST_EVENTS * 10 : LATEST_EVENTS,
    ),
  ]);

  const nodes = new Map<string, { clockIns: number; clockOuts: number }>();
  const nodeCounts = (node: string) => {
    let counts = nodes.get(node);
    if (!counts) nodes.set(node, (counts = { clockIns: 0, clockOuts: 0 }));
    return counts;
  };
  for (const group of day.nodes) {
    nodeCounts(group.clockInNode).clockIns += group.count;
    if (group.clockOutNode) nodeCounts(group.clockOutNode).clockOuts += group.count;
  }
  const latest = latestRows
    .map((row) => JSON.parse(row.payload) as AppEvent)
    .filter(isAttendanceEvent)
    .filter(
      (event) =>
        (!departments ||
          (event.data.department !== null && departments.includes(event.data.department))) &&
        (siteId === undefined || event.data.siteId === siteId),
    )
    .slice(0, LATEST_EVENTS);

  return {
    generatedAt: now.toISOString(),
    workDate,
    timeZone: settings.timeZone,
    counts: {
      employees: day.employees,
      present: day.present,
      lateToday: day.late,
      notYetIn: absentees.count,
      onLeave: absentees.onLeave.length,
      clockedOut: day.clockedOut,
    },
    present: present.map((row) => ({
      userId: row.userId,
      name: row.user.name,
      department: row.user.department,
      since: new Date(row.clockInAt).toISOString(),
      status: row.status,
      node: row.clockInNode,
    })),
    notYetIn: absentees.people,
    onLeave: absentees.onLeave.slice(0, DASHBOARD_LIST_LIMIT),
    clockInsByHour: hoursOfQuarterHours(day.buckets, settings.timeZone),
    byNode: [...nodes.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([node, counts]) => ({ node, ...counts })),
    latest,
  };
}

/**
 * The dashboard for an admin or a manager, optionally of one department or one site's people
 * (those whose primary site it is; the feed, the taps made there): the whole company's from the
 * snapshot cache while nothing it shows has changed, named by its work date (past midnight,
 * yesterday's picture is not served); a part of it built when asked.
 * @throws DomainError FORBIDDEN for an employee, or a manager asking for a department not theirs.
 */
export async function dashboard(
  deps: Pick<CoreDeps, 'db' | 'settings' | 'clock' | 'dashboardCache' | 'planning'>,
  actor: Actor,
  query: { department?: string | undefined; siteId?: number | undefined } = {},
): Promise<Dashboard> {
  const departments = departmentsFor(await scopeOf(deps, actor), query.department);
  if (departments || query.siteId !== undefined)
    return buildDashboard(deps, { departments, siteId: query.siteId });
  const workDate = workDateOf(deps.clock(), (await deps.settings.get()).timeZone);
  return cachedSnapshot(deps.dashboardCache, () => buildDashboard(deps), viewName(workDate));
}
