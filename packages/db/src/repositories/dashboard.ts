/**
 * The counts behind the admin's picture of one work date, as GROUP BY queries, so their cost does
 * not grow with the rows of the day; each optionally limited to some departments (a manager's).
 * Raw SQL with one dialect switch (the quarter-hour bucket).
 */
import { QueryTypes } from 'sequelize';
import type { Database } from '../connect.js';

/** Seconds in one bucket of the clock-ins chart: quarter hours map to one local hour in every zone. */
export const BUCKET_SECONDS = 15 * 60;

function quarterHourOfClockIn(kind: Database['kind']): string {
  return kind === 'mysql'
    ? `FLOOR(UNIX_TIMESTAMP(a.clock_in_at) / ${BUCKET_SECONDS})`
    : `CAST(strftime('%s', substr(a.clock_in_at, 1, 19)) AS INTEGER) / ${BUCKET_SECONDS}`;
}

/** The people who clock in: employees and managers (admins run the system and are not counted). */
const ACTIVE_EMPLOYEE = "u.active = 1 AND u.role IN ('employee', 'manager')";

/** An employee's primary site (active sites only), as an SQL expression over `u`. */
const PRIMARY_SITE = `(SELECT us.site_id FROM user_sites us JOIN sites s ON s.id = us.site_id
  WHERE us.user_id = u.id AND us.is_primary = 1 AND s.active = 1)`;

/** Whose numbers: some departments (an empty list matches nobody), the people of one site. */
export interface People {
  departments?: readonly string[] | undefined;
  /** People whose primary site this is. */
  siteId?: number | undefined;
}

/** The SQL of a People filter over `u` (` AND …`), with its replacements. */
function peopleWhere(people: People): { sql: string; replacements: Record<string, unknown> } {
  let sql = '';
  if (people.departments !== undefined)
    sql += people.departments.length === 0 ? ' AND 1 = 0' : ' AND u.department IN (:departments)';
  if (people.siteId !== undefined) sql += ` AND ${PRIMARY_SITE} = :siteId`;
  return {
    sql,
    replacements: { departments: people.departments ?? [], siteId: people.siteId ?? 0 },
  };
}

export interface NodeGroup {
  clockInNode: string;
  clockOutNode: string | null;
  /** Records of the date with these nodes. */
  count: number;
}

export interface DayCounts {
  /** Active employees. */
  employees: number;
  /** People with a shift open now. */
  present: number;
  /** People with a late clock-in on the date (each counted once). */
  late: number;
  /** People who clocked in on the date and have no shift open now. */
  clockedOut: number;
  /** The date's records by the nodes that wrote their clock-in and clock-out. */
  nodes: NodeGroup[];
  /** Clock-ins of the date per UTC quarter hour (bucket = epoch seconds / BUCKET_SECONDS). */
  buckets: { bucket: number; count: number }[];
}

export interface PersonRow {
  userId: number;
  name: string;
  department: string | null;
}

function select<T extends object>(
  db: Database,
  sql: string,
  replacements: Record<string, unknown>,
) {
  return db.sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements });
}

export async function dayCounts(
  db: Database,
  query: { workDate: string } & People,
): Promise<DayCounts> {
  const people = peopleWhere(query);
  const scope = people.sql;
  const replacements = { workDate: query.workDate, ...people.replacements };
  const run = <T extends object>(sql: string) => select<T>(db, sql, replacements);
  const ofDay = `FROM attendance a JOIN users u ON u.id = a.user_id WHERE a.work_date = :workDate${scope}`;
  const [employees, present, late, clockedOut, nodes, buckets] = await Promise.all([
    run<{ count: number }>(
      `SELECT COUNT(*) AS count FROM users u WHERE ${ACTIVE_EMPLOYEE}${scope}`,
    ),
    run<{ count: number }>(
      `SELECT COUNT(*) AS count FROM attendance a JOIN users u ON u.id = a.user_id
       WHERE a.open_user_id IS NOT NULL${scope}`,
    ),
    run<{ count: number }>(
      `SELECT COUNT(DISTINCT a.user_id) AS count ${ofDay} AND a.status = 'late'`,
    ),
    run<{ count: number }>(
      `SELECT COUNT(DISTINCT a.user_id) AS count ${ofDay} AND a.clock_out_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM attendance o WHERE o.open_user_id = a.user_id)`,
    ),
    run<{ clock_in_node: string; clock_out_node: string | null; count: number }>(
      `SELECT a.clock_in_node, a.clock_out_node, COUNT(*) AS count ${ofDay}
       GROUP BY a.clock_in_node, a.clock_out_node`,
    ),
    run<{ bucket: number; count: number }>(
      `SELECT ${quarterHourOfClockIn(db.kind)} AS bucket, COUNT(*) AS count ${ofDay}
       GROUP BY ${quarterHourOfClockIn(db.kind)}`,
    ),
  ]);
  const count = (rows: { count: number }[]) => Number(rows[0]?.count ?? 0);
  return {
    employees: count(employees),
    present: count(present),
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

/** A group of employees planned alike: one department (null: none) at one primary site (null: none). */
export interface PeopleGroup {
  department: string | null;
  siteId: number | null;
}

/** The groups active employees fall in (limited to `departments` when given). */
export async function groupsOfEmployees(db: Database, people: People = {}): Promise<PeopleGroup[]> {
  const filter = peopleWhere(people);
  const rows = await select<{ department: string | null; siteId: number | null }>(
    db,
    `SELECT DISTINCT u.department AS department, ${PRIMARY_SITE} AS siteId
     FROM users u WHERE ${ACTIVE_EMPLOYEE}${filter.sql}`,
    filter.replacements,
  );
  return rows.map((row) => ({
    department: row.department,
    siteId: row.siteId === null ? null : Number(row.siteId),
  }));
}

/**
 * Active employees who planned individually (a schedule assigned to them, or a roster override)
 * somewhere in [from, to]: their plan cannot be read off their department's.
 */
export function individuallyPlanned(
  db: Database,
  query: { from: string; to: string } & People,
): Promise<PersonRow[]> {
  const filter = peopleWhere(query);
  return select<PersonRow>(
    db,
    `SELECT u.id AS userId, u.name AS name, u.department AS department FROM users u
     WHERE ${ACTIVE_EMPLOYEE}${filter.sql}
       AND (EXISTS (SELECT 1 FROM schedule_assignments s WHERE s.user_id = u.id
                      AND s.valid_from <= :to AND (s.valid_to IS NULL OR s.valid_to >= :from))
            OR EXISTS (SELECT 1 FROM roster_overrides r WHERE r.user_id = u.id
                      AND r.date BETWEEN :from AND :to))`,
    { from: query.from, to: query.to, ...filter.replacements },
  );
}

/**
 * Active employees of some groups (see PeopleGroup) who have no record on the work date and no
 * shift open, other than `except`: how many, and the first `limit` by name.
 */
export async function absent(
  db: Database,
  query: {
    workDate: string;
    groups: readonly PeopleGroup[];
    except: readonly number[];
    limit: number;
  },
): Promise<{ count: number; people: PersonRow[] }> {
  if (query.groups.length === 0) return { count: 0, people: [] };
  const replacements: Record<string, unknown> = { workDate: query.workDate, except: query.except };
  const inGroups = query.groups
    .map((group, index) => {
      replacements[`department${index}`] = group.department ?? '';
      replacements[`site${index}`] = group.siteId ?? 0;
      return `(COALESCE(u.department, '') = :department${index} AND COALESCE(${PRIMARY_SITE}, 0) = :site${index})`;
    })
    .join(' OR ');
  const where = `${ACTIVE_EMPLOYEE} AND (${inGroups})
    ${query.except.length > 0 ? 'AND u.id NOT IN (:except)' : ''}
    AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.user_id = u.id AND a.work_date = :workDate)
    AND NOT EXISTS (SELECT 1 FROM attendance o WHERE o.open_user_id = u.id)`;
  const [count, people] = await Promise.all([
    select<{ count: number }>(
      db,
      `SELECT COUNT(*) AS count FROM users u WHERE ${where}`,
      replacements,
    ),
    select<PersonRow>(
      db,
      `SELECT u.id AS userId, u.name AS name, u.department AS department FROM users u
       WHERE ${where} ORDER BY u.name LIMIT ${Number(query.limit)}`,
      replacements,
    ),
  ]);
  return {
    count: Number(count[0]?.count ?? 0),
    people: people.map((person) => ({ ...person, userId: Number(person.userId) })),
  };
}

/** An approved leave of an active employee covering some dates, with who and which type. */
export interface LeaveRow extends PersonRow {
  startDate: string;
  endDate: string;
  part: 'full' | 'first_half' | 'second_half';
  leaveTypeId: number;
}

/**
 * Approved leave requests of active employees (of some departments, of one site) covering any
 * date in [from, to], by the person's name.
 */
export async function approvedLeave(
  db: Database,
  query: { from: string; to: string } & People,
): Promise<LeaveRow[]> {
  const filter = peopleWhere(query);
  const rows = await select<LeaveRow>(
    db,
    `SELECT u.id AS userId, u.name AS name, u.department AS department, r.start_date AS startDate,
       r.end_date AS endDate, r.part AS part, r.leave_type_id AS leaveTypeId
     FROM requests r JOIN users u ON u.id = r.user_id
     WHERE ${ACTIVE_EMPLOYEE}${filter.sql} AND r.kind = 'leave' AND r.state = 'approved'
       AND r.leave_type_id IS NOT NULL AND r.start_date <= :to AND r.end_date >= :from
     ORDER BY u.name, r.id`,
    { from: query.from, to: query.to, ...filter.replacements },
  );
  const day = (value: unknown) =>
    value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
  return rows.map((row) => ({
    ...row,
    userId: Number(row.userId),
    leaveTypeId: Number(row.leaveTypeId),
    startDate: day(row.startDate),
    endDate: day(row.endDate),
  }));
}

/** Whether the person has a record on the work date or a shift open. */
export async function came(db: Database, userId: number, workDate: string): Promise<boolean> {
  const rows = await select<{ found: number }>(
    db,
    `SELECT 1 AS found FROM attendance WHERE user_id = :userId
       AND (work_date = :workDate OR open_user_id IS NOT NULL) LIMIT 1`,
    { userId, workDate },
  );
  return rows.length > 0;
}

/** A person the recap and the daily status count, with their primary site. */
export interface RecapPerson extends PersonRow {
  email: string;
  siteId: number | null;
  active: boolean;
  /** "YYYY-MM-DD" from which they are expected at work; null: always. */
  hiredOn: string | null;
}

/**
 * Employees and managers (of some departments, of one site, or some ids), by name: the active
 * ones, and those deactivated who have a record within `recordsWithin` (their last month's pay).
 */
export async function peopleOf(
  db: Database,
  people: People & {
    userIds?: readonly number[] | undefined;
    recordsWithin?: { from: string; to: string } | undefined;
  },
): Promise<RecapPerson[]> {
  const filter = peopleWhere(people);
  const byIds = people.userIds !== undefined;
  if (byIds && people.userIds!.length === 0) return [];
  const within = people.recordsWithin;
  const rows = await select<
    Omit<RecapPerson, 'active' | 'hiredOn'> & {
      active: number | boolean;
      hiredOn: string | Date | null;
    }
  >(
    db,
    `SELECT u.id AS userId, u.name AS name, u.email AS email, u.department AS department,
            ${PRIMARY_SITE} AS siteId, u.active AS active, u.hired_on AS hiredOn
     FROM users u
     WHERE u.role IN ('employee', 'manager')
       AND (u.active = 1${
         within
           ? ` OR EXISTS (SELECT 1 FROM attendance r WHERE r.user_id = u.id
                 AND r.work_date BETWEEN :recordsFrom AND :recordsTo)`
           : ''
       })${filter.sql}${byIds ? ' AND u.id IN (:userIds)' : ''}
     ORDER BY u.name, u.id`,
    {
      ...filter.replacements,
      userIds: people.userIds ?? [],
      recordsFrom: within?.from ?? '',
      recordsTo: within?.to ?? '',
    },
  );
  return rows.map((row) => ({
    ...row,
    userId: Number(row.userId),
    siteId: row.siteId === null ? null : Number(row.siteId),
    active: Boolean(Number(row.active)),
    hiredOn:
      row.hiredOn === null
        ? null
        : typeof row.hiredOn === 'string'
          ? row.hiredOn.slice(0, 10)
          : row.hiredOn.toISOString().slice(0, 10),
  }));
}
