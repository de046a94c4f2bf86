/**
 * The counts behind the admin's picture of one work date, as GROUP BY queries, so their cost does
 * not grow with the rows of the day. Raw SQL with one dialect switch (the quarter-hour bucket).
 */
import { QueryTypes } from 'sequelize';
import type { Database } from '../connect.js';
import type { AttendanceStatus } from '../models/index.js';

/** Seconds in one bucket of the clock-ins chart: quarter hours map to one local hour in every zone. */
export const BUCKET_SECONDS = 15 * 60;

/** The instant a clock-in was tapped: the phone's time for a tap kept offline, else the server's. */
const TAP_AT =
  "CASE WHEN clock_in_source = 'offline' AND clock_in_client_at IS NOT NULL THEN clock_in_client_at ELSE clock_in_at END";

function quarterHourOfTap(kind: Database['kind']): string {
  return kind === 'mysql'
    ? `FLOOR(UNIX_TIMESTAMP(${TAP_AT}) / ${BUCKET_SECONDS})`
    : `CAST(strftime('%s', substr(${TAP_AT}, 1, 19)) AS INTEGER) / ${BUCKET_SECONDS}`;
}

const ACTIVE_EMPLOYEE = "u.active = 1 AND u.role = 'employee'";
const CAME_ON_DATE =
  'EXISTS (SELECT 1 FROM attendance a WHERE a.user_id = u.id AND a.work_date = :workDate)';

export interface DayGroup {
  status: AttendanceStatus;
  clockInNode: string;
  clockOutNode: string | null;
  closed: boolean;
  count: number;
}

export interface DayCounts {
  /** Active employees. */
  employees: number;
  /** Active employees with no record on the date. */
  notYetIn: number;
  /** The first `limit` of those, by name. */
  notYetInList: { userId: number; name: string; department: string | null }[];
  /** The date's records by status, nodes and whether closed. */
  groups: DayGroup[];
  /** Clock-ins of the date per UTC quarter hour of the tap (bucket = epoch seconds / BUCKET_SECONDS). */
  buckets: { bucket: number; count: number }[];
}

export async function dayCounts(
  db: Database,
  workDate: string,
  listLimit: number,
): Promise<DayCounts> {
  const select = <T extends object>(sql: string) =>
    db.sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements: { workDate } });
  const [employees, notYetIn, notYetInList, groups, buckets] = await Promise.all([
    select<{ count: number }>(`SELECT COUNT(*) AS count FROM users u WHERE ${ACTIVE_EMPLOYEE}`),
    select<{ count: number }>(
      `SELECT COUNT(*) AS count FROM users u WHERE ${ACTIVE_EMPLOYEE} AND NOT ${CAME_ON_DATE}`,
    ),
    select<{ userId: number; name: string; department: string | null }>(
      `SELECT u.id AS userId, u.name AS name, u.department AS department FROM users u
       WHERE ${ACTIVE_EMPLOYEE} AND NOT ${CAME_ON_DATE} ORDER BY u.name LIMIT ${Number(listLimit)}`,
    ),
    select<{
      status: AttendanceStatus;
      clock_in_node: string;
      clock_out_node: string | null;
      closed: number;
      count: number;
    }>(
      `SELECT status, clock_in_node, clock_out_node,
              CASE WHEN clock_out_at IS NULL THEN 0 ELSE 1 END AS closed, COUNT(*) AS count
       FROM attendance WHERE work_date = :workDate
       GROUP BY status, clock_in_node, clock_out_node, CASE WHEN clock_out_at IS NULL THEN 0 ELSE 1 END`,
    ),
    select<{ bucket: number; count: number }>(
      `SELECT ${quarterHourOfTap(db.kind)} AS bucket, COUNT(*) AS count
       FROM attendance WHERE work_date = :workDate GROUP BY ${quarterHourOfTap(db.kind)}`,
    ),
  ]);
  return {
    employees: Number(employees[0]?.count ?? 0),
    notYetIn: Number(notYetIn[0]?.count ?? 0),
    notYetInList: notYetInList.map((person) => ({
      userId: Number(person.userId),
      name: person.name,
      department: person.department,
    })),
    groups: groups.map((group) => ({
      status: group.status,
      clockInNode: group.clock_in_node,
      clockOutNode: group.clock_out_node,
      closed: Number(group.closed) === 1,
      count: Number(group.count),
    })),
    buckets: buckets.map((row) => ({ bucket: Number(row.bucket), count: Number(row.count) })),
  };
}
