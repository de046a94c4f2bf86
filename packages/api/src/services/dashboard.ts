import { Op, QueryTypes } from 'sequelize';
import { isAttendanceEvent, type AppEvent, type AttendanceEvent } from '@absensi/events';
import type { AppDeps } from '../deps.js';
import { localHour, workDateOf } from '../rules/index.js';
import { tapTime } from './views.js';

export interface Dashboard {
  generatedAt: string;
  workDate: string;
  timeZone: string;
  counts: {
    employees: number;
    present: number;
    lateToday: number;
    notYetIn: number;
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
const BUCKET_SECONDS = 15 * 60;

/** The instant a clock-in was tapped (see `tapTime`), in SQL. */
const TAP_AT =
  "CASE WHEN clock_in_source = 'offline' AND clock_in_client_at IS NOT NULL THEN clock_in_client_at ELSE clock_in_at END";

/** The UTC quarter-hour of the tap, as a bucket number; quarter hours map to one local hour in every zone. */
function quarterHourOfTap(kind: 'mysql' | 'sqlite'): string {
  return kind === 'mysql'
    ? `FLOOR(UNIX_TIMESTAMP(${TAP_AT}) / ${BUCKET_SECONDS})`
    : `CAST(strftime('%s', substr(${TAP_AT}, 1, 19)) AS INTEGER) / ${BUCKET_SECONDS}`;
}

/** Clock-ins per local hour, from counts per UTC quarter-hour. */
export function hoursOfQuarterHours(
  buckets: readonly { bucket: number; count: number }[],
  timeZone: string,
): number[] {
  const hours = Array.from({ length: 24 }, () => 0);
  for (const { bucket, count } of buckets) {
    const hour = localHour(new Date(bucket * BUCKET_SECONDS * 1000), timeZone);
    hours[hour] = (hours[hour] ?? 0) + count;
  }
  return hours;
}

interface DayGroup {
  status: 'on_time' | 'late';
  clock_in_node: string;
  clock_out_node: string | null;
  closed: number;
  count: number;
}

/**
 * The admin's picture of today: who is in, who is late, who has not come, and what happened last.
 * Counts come from the database (GROUP BY), so the cost does not grow with the rows of the day; the
 * lists of people stop at DASHBOARD_LIST_LIMIT names, newest arrivals first.
 */
export async function buildDashboard(
  deps: Pick<AppDeps, 'db' | 'settings' | 'clock'>,
): Promise<Dashboard> {
  const { sequelize, models, kind } = deps.db;
  const settings = await deps.settings.get();
  const now = deps.clock();
  const workDate = workDateOf(now, settings.timeZone);
  const select = <T extends object>(sql: string, replacements: Record<string, unknown> = {}) =>
    sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements });
  const employeeWhere = "u.active = 1 AND u.role = 'employee'";
  const cameToday =
    'EXISTS (SELECT 1 FROM attendance a WHERE a.user_id = u.id AND a.work_date = :workDate)';

  const [employees, notYetInCount, notYetIn, groups, buckets, presentCount, present, latestRows] =
    await Promise.all([
      select<{ count: number }>(`SELECT COUNT(*) AS count FROM users u WHERE ${employeeWhere}`),
      select<{ count: number }>(
        `SELECT COUNT(*) AS count FROM users u WHERE ${employeeWhere} AND NOT ${cameToday}`,
        { workDate },
      ),
      select<{ userId: number; name: string; department: string | null }>(
        `SELECT u.id AS userId, u.name AS name, u.department AS department FROM users u
         WHERE ${employeeWhere} AND NOT ${cameToday} ORDER BY u.name LIMIT ${DASHBOARD_LIST_LIMIT}`,
        { workDate },
      ),
      select<DayGroup>(
        `SELECT status, clock_in_node, clock_out_node,
                CASE WHEN clock_out_at IS NULL THEN 0 ELSE 1 END AS closed, COUNT(*) AS count
         FROM attendance WHERE work_date = :workDate
         GROUP BY status, clock_in_node, clock_out_node, CASE WHEN clock_out_at IS NULL THEN 0 ELSE 1 END`,
        { workDate },
      ),
      select<{ bucket: number; count: number }>(
        `SELECT ${quarterHourOfTap(kind)} AS bucket, COUNT(*) AS count
         FROM attendance WHERE work_date = :workDate GROUP BY ${quarterHourOfTap(kind)}`,
        { workDate },
      ),
      models.Attendance.count({ where: { openUserId: { [Op.ne]: null } } }),
      models.Attendance.findAll({
        where: { openUserId: { [Op.ne]: null } },
        include: [{ model: models.User, as: 'user', attributes: ['name', 'department'] }],
        order: [['clockInAt', 'DESC']],
        limit: DASHBOARD_LIST_LIMIT,
      }),
      models.EventRow.findAll({
        where: { type: { [Op.in]: ['AttendanceCreated', 'AttendanceUpdated'] } },
        order: [['id', 'DESC']],
        limit: 20,
      }),
    ]);

  const nodes = new Map<string, { clockIns: number; clockOuts: number }>();
  const nodeCounts = (node: string) => {
    let counts = nodes.get(node);
    if (!counts) nodes.set(node, (counts = { clockIns: 0, clockOuts: 0 }));
    return counts;
  };
  let lateToday = 0;
  let clockedOut = 0;
  for (const group of groups) {
    const count = Number(group.count);
    if (group.status === 'late') lateToday += count;
    if (Number(group.closed) === 1) clockedOut += count;
    nodeCounts(group.clock_in_node).clockIns += count;
    if (group.clock_out_node) nodeCounts(group.clock_out_node).clockOuts += count;
  }

  return {
    generatedAt: now.toISOString(),
    workDate,
    timeZone: settings.timeZone,
    counts: {
      employees: Number(employees[0]?.count ?? 0),
      present: presentCount,
      lateToday,
      notYetIn: Number(notYetInCount[0]?.count ?? 0),
      clockedOut,
    },
    present: present.map((row) => {
      const user = (row as typeof row & { user?: { name: string; department: string | null } })
        .user;
      return {
        userId: row.userId,
        name: user?.name ?? '',
        department: user?.department ?? null,
        since: tapTime(row.clockInAt, row.clockInClientAt, row.clockInSource).toISOString(),
        status: row.status,
        node: row.clockInNode,
      };
    }),
    notYetIn: notYetIn.map((person) => ({
      userId: Number(person.userId),
      name: person.name,
      department: person.department,
    })),
    clockInsByHour: hoursOfQuarterHours(
      buckets.map((row) => ({ bucket: Number(row.bucket), count: Number(row.count) })),
      settings.timeZone,
    ),
    byNode: [...nodes.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([node, counts]) => ({ node, ...counts })),
    latest: latestRows.map((row) => JSON.parse(row.payload) as AppEvent).filter(isAttendanceEvent),
  };
}
