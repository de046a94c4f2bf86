/**
 * The counts behind the admin's picture of one work date, as GROUP BY queries, so their cost does
 * not grow with the rows of the day. Raw SQL with one dialect switch (the quarter-hour bucket).
 */
import { QueryTypes } from 'sequelize';
import type { Database } from '../connect.js';

/** Seconds in one bucket of the clock-ins chart: quarter hours map to one local hour in every zone. */
export const BUCKET_SECONDS = 15 * 60;

function quarterHourOfClockIn(kind: Database['kind']): string {
  return kind === 'mysql'
    ? `FLOOR(UNIX_TIMESTAMP(clock_in_at) / ${BUCKET_SECONDS})`
    : `CAST(strftime('%s', substr(clock_in_at, 1, 19)) AS INTEGER) / ${BUCKET_SECONDS}`;
}

const ACTIVE_EMPLOYEE = "u.active = 1 AND u.role = 'employee'";
/** Has a record on the work date, or a shift open now (a night shift begun the day before). */
const CAME = `(EXISTS (SELECT 1 FROM attendance a WHERE a.user_id = u.id AND a.work_date = :workDate)
  OR EXISTS (SELECT 1 FROM attendance o WHERE o.open_user_id = u.id))`;

export interface NodeGroup {
  clockInNode: string;
  clockOutNode: string | null;
  /** Records of the date with these nodes. */
  count: number;
}

export interface DayCounts {
  /** Active employees. */
  employees: number;
  /** Active employees with no record on the date and no shift open. */
  notYetIn: number;
  /** The first `limit` of those, by name. */
  notYetInList: { userId: number; name: string; department: string | null }[];
  /** People with a late clock-in on the date (each counted once). */
  late: number;
  /** People who clocked in on the date and have no shift open now. */
  clockedOut: number;
  /** The date's records by the nodes that wrote their clock-in and clock-out. */
  nodes: NodeGroup[];
  /** Clock-ins of the date per UTC quarter hour (bucket = epoch seconds / BUCKET_SECONDS). */
  buckets: { bucket: number; count: number }[];
}

export async function dayCounts(
  db: Database,
  workDate: string,
  listLimit: number,
): Promise<DayCounts> {
  const select = <T extends object>(sql: string) =>
    db.sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements: { workDate } });
  const [employees, notYetIn, notYetInList, late, clockedOut, nodes, buckets] = await Promise.all([
    select<{ count: number }>(`SELECT COUNT(*) AS count FROM users u WHERE ${ACTIVE_EMPLOYEE}`),
    select<{ count: number }>(
      `SELECT COUNT(*) AS count FROM users u WHERE ${ACTIVE_EMPLOYEE} AND NOT ${CAME}`,
    ),
    select<{ userId: number; name: string; department: string | null }>(
      `SELECT u.id AS userId, u.name AS name, u.department AS department FROM users u
       WHERE ${ACTIVE_EMPLOYEE} AND NOT ${CAME} ORDER BY u.name LIMIT ${Number(listLimit)}`,
    ),
    select<{ count: number }>(
      `SELECT COUNT(DISTINCT user_id) AS count FROM attendance
       WHERE work_date = :workDate AND status = 'late'`,
    ),
    select<{ count: number }>(
      `SELECT COUNT(DISTINCT a.user_id) AS count FROM attendance a
       WHERE a.work_date = :workDate AND a.clock_out_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM attendance o WHERE o.open_user_id = a.user_id)`,
    ),
    select<{ clock_in_node: string; clock_out_node: string | null; count: number }>(
      `SELECT clock_in_node, clock_out_node, COUNT(*) AS count FROM attendance
       WHERE work_date = :workDate GROUP BY clock_in_node, clock_out_node`,
    ),
    select<{ bucket: number; count: number }>(
      `SELECT ${quarterHourOfClockIn(db.kind)} AS bucket, COUNT(*) AS count
       FROM attendance WHERE work_date = :workDate GROUP BY ${quarterHourOfClockIn(db.kind)}`,
    ),
  ]);
  const count = (rows: { count: number }[]) => Number(rows[0]?.count ?? 0);
  return {
    employees: count(employees),
    notYetIn: count(notYetIn),
    notYetInList: notYetInList.map((person) => ({
      userId: Number(person.userId),
      name: person.name,
      department: person.department,
    })),
    late: count(late),
    clockedOut: count(clockedOut),
    nodes: nodes.map((group) => ({
      clockInNode: group.clock_in_node,
      clockOutNode: group.clock_out_node,
      count: Number(group.count),
    })),
    buckets: buckets.map((row) => ({ bucket: Number(row.bucket), count: Number(row.count) })),
  };
}
