import { repos } from '@absensi/db';
import { isAttendanceEvent, type AppEvent, type AttendanceEvent } from '@absensi/events';
import type { CoreDeps } from '../deps.js';
import { localHour, workDateOf } from '../attendance/rules/index.js';
import { cachedSnapshot } from './snapshot-cache.js';

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
    /** Employees with no record today and no shift open. */
    notYetIn: number;
    /** People who clocked in today and have no shift open now. */
    clockedOut: number;
  };
  /** The latest DASHBOARD_LIST_LIMIT arrivals; `counts.present` says how many in all. */
  present: {
    userId: number;
    name: string;
    department: string | null;
    since: string;
    status: 'on_time' | 'late';
    node: string;
  }[];
  /** The first DASHBOARD_LIST_LIMIT of them by name; `counts.notYetIn` says how many in all. */
  notYetIn: { userId: number; name: string; department: string | null }[];
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
 * The admin's picture of today: who is in, who is late, who has not come, and what happened last.
 * Counts come from the database (GROUP BY), so the cost does not grow with the rows of the day; the
 * lists of people stop at DASHBOARD_LIST_LIMIT names, newest arrivals first.
 */
export async function buildDashboard(
  deps: Pick<CoreDeps, 'db' | 'settings' | 'clock'>,
): Promise<Dashboard> {
  const settings = await deps.settings.get();
  const now = deps.clock();
  const workDate = workDateOf(now, settings.timeZone);
  const [day, presentCount, present, latestRows] = await Promise.all([
    repos.dashboard.dayCounts(deps.db, workDate, DASHBOARD_LIST_LIMIT),
    repos.attendance.countOpen(deps.db),
    repos.attendance.latestOpen(deps.db, DASHBOARD_LIST_LIMIT),
    repos.outbox.latestOfTypes(deps.db, ['AttendanceCreated', 'AttendanceUpdated'], LATEST_EVENTS),
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

  return {
    generatedAt: now.toISOString(),
    workDate,
    timeZone: settings.timeZone,
    counts: {
      employees: day.employees,
      present: presentCount,
      lateToday: day.late,
      notYetIn: day.notYetIn,
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
    notYetIn: day.notYetInList,
    clockInsByHour: hoursOfQuarterHours(day.buckets, settings.timeZone),
    byNode: [...nodes.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([node, counts]) => ({ node, ...counts })),
    latest: latestRows.map((row) => JSON.parse(row.payload) as AppEvent).filter(isAttendanceEvent),
  };
}

/** The dashboard, from the snapshot cache while nothing it shows has changed. */
export function dashboard(
  deps: Pick<CoreDeps, 'db' | 'settings' | 'clock' | 'dashboardCache'>,
): Promise<Dashboard> {
  return cachedSnapshot(deps.dashboardCache, () => buildDashboard(deps));
}
