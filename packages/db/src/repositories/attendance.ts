/**
 * The attendance table: every query on shifts. The clock-in insert and the day's read are single
 * prepared statements (bind parameters: MariaDB parses each once per connection); `Model.create`
 * and `findAll` rebuild the same SQL on every call, which on the busiest path cost more CPU than the
 * database round trip itself.
 */
import { literal, Op, QueryTypes, type WhereOptions } from 'sequelize';
import type { Database, Tx } from '../connect.js';
import type { Attendance, AttendanceStatus, User } from '../models/index.js';
import { stored } from './stored.js';

/** A shift as recorded: its clock-in, and its clock-out when it is recorded closed. */
export type NewShift = Pick<
  Attendance,
  | 'userId'
  | 'workDate'
  | 'status'
  | 'lateMinutes'
  | 'clockInAt'
  | 'clockInReceivedAt'
  | 'clockInClientAt'
  | 'clockInClientSentAt'
  | 'clockInNode'
  | 'clockInSource'
  | 'clockInLat'
  | 'clockInLng'
  | 'clockInAccuracy'
  | 'clockInNote'
  | 'shiftTypeId'
  | 'scheduledStart'
  | 'scheduledEnd'
  | 'autoClockOutAt'
> &
  Partial<
    Pick<
      Attendance,
      | 'clockOutAt'
      | 'clockOutReceivedAt'
      | 'clockOutNode'
      | 'clockOutSource'
      | 'clockOutKind'
      | 'clockOutNote'
      | 'earlyLeaveMinutes'
      | 'origin'
      | 'siteId'
      | 'clockInDistanceM'
      | 'clockInGeofence'
    >
  >;

/** Fields of a shift that a use case may change. */
export type ShiftChanges = Partial<
  Omit<Attendance['_attributes'], 'id' | 'userId' | 'createdAt' | 'updatedAt'>
>;

/** A shift with the name, email and department of its employee. */
export type ShiftWithUser = Attendance & { user: Pick<User, 'name' | 'email' | 'department'> };

/** The columns the insert writes, and the field of the row each takes. */
const INSERT_COLUMNS = {
  user_id: 'userId',
  work_date: 'workDate',
  status: 'status',
  late_minutes: 'lateMinutes',
  clock_in_at: 'clockInAt',
  clock_in_received_at: 'clockInReceivedAt',
  clock_in_client_at: 'clockInClientAt',
  clock_in_client_sent_at: 'clockInClientSentAt',
  clock_in_node: 'clockInNode',
  clock_in_source: 'clockInSource',
  clock_in_lat: 'clockInLat',
  clock_in_lng: 'clockInLng',
  clock_in_accuracy: 'clockInAccuracy',
  clock_in_note: 'clockInNote',
  shift_type_id: 'shiftTypeId',
  scheduled_start: 'scheduledStart',
  scheduled_end: 'scheduledEnd',
  auto_clock_out_at: 'autoClockOutAt',
  site_id: 'siteId',
  clock_in_distance_m: 'clockInDistanceM',
  clock_in_geofence: 'clockInGeofence',
  clock_out_at: 'clockOutAt',
  clock_out_received_at: 'clockOutReceivedAt',
  clock_out_node: 'clockOutNode',
  clock_out_source: 'clockOutSource',
  clock_out_kind: 'clockOutKind',
  clock_out_note: 'clockOutNote',
  early_leave_minutes: 'earlyLeaveMinutes',
  origin: 'origin',
  open_user_id: 'openUserId',
  created_at: 'createdAt',
  updated_at: 'updatedAt',
} as const;
const INSERT_SQL = `INSERT INTO attendance (${Object.keys(INSERT_COLUMNS).join(', ')})
  VALUES (${Object.values(INSERT_COLUMNS)
    .map((field) => `$${field}`)
    .join(', ')})`;

/**
 * Records a shift, open (no clock-out given) or closed; returns the row as the model would. The
 * database refuses a second open shift of one employee (unique `open_user_id`), surfacing as a
 * unique violation. One prepared statement: MariaDB parses it once per connection.
 */
export async function insert(db: Database, shift: NewShift, tx: Tx): Promise<Attendance> {
  const now = new Date();
  const row = {
    clockOutAt: null,
    clockOutReceivedAt: null,
    clockOutNode: null,
    clockOutSource: null,
    clockOutKind: null,
    clockOutNote: null,
    earlyLeaveMinutes: 0,
    origin: 'tap' as const,
    siteId: null,
    clockInDistanceM: null,
    clockInGeofence: null,
    ...shift,
    openUserId: shift.clockOutAt ? null : shift.userId,
    createdAt: now,
    updatedAt: now,
  };
  const bind: Record<string, unknown> = {};
  for (const field of Object.values(INSERT_COLUMNS)) {
    const value = row[field];
    bind[field] = value instanceof Date ? stored(db, value) : value;
  }
  const [id] = await db.sequelize.query(INSERT_SQL, {
    type: QueryTypes.INSERT,
    transaction: tx,
    bind,
  });
  return db.models.Attendance.build(
    {
      ...row,
      id: Number(id),
      clockOutClientAt: null,
      clockOutClientSentAt: null,
      clockOutLat: null,
      clockOutLng: null,
      clockOutAccuracy: null,
      clockOutDistanceM: null,
      clockOutGeofence: null,
      corrected: false,
    },
    { isNewRecord: false, raw: true },
  );
}

/** The start and end of a shift, for the order of an employee's shifts. */
export type Span = Pick<Attendance, 'id' | 'clockInAt' | 'clockOutAt' | 'clockOutKind'>;

const SPAN_ATTRIBUTES = ['id', 'clockInAt', 'clockOutAt', 'clockOutKind'] as const;

function spans(rows: Attendance[]): Span[] {
  return rows.map((row) => ({
    id: row.id,
    clockInAt: new Date(row.clockInAt),
    clockOutAt: row.clockOutAt ? new Date(row.clockOutAt) : null,
    clockOutKind: row.clockOutKind,
  }));
}

/** A span as a raw SELECT hands it back: Date on MariaDB, UTC text on SQLite; no shift: all null. */
interface RawSpan {
  id: number | null;
  clockInAt: Date | string | null;
  clockOutAt: Date | string | null;
  clockOutKind: Span['clockOutKind'] | null;
}

/**
 * Locks the employee and reads some of their shifts in one statement: the employee's `users` row
 * is taken FOR UPDATE in a derived table (on MariaDB; SQLite's write transactions already run one
 * at a time), and their shifts matching `where` (on the alias `a`) are read after the lock is
 * granted, so a tap that waited for the lock sees the shift the tap before it committed. The lock
 * covers the users row alone: a join locking the attendance rows would also lock the index gap
 * after them, which holds other employees' first shift back. [] for an unknown user.
 */
async function lockAndSpans(
  db: Database,
  tx: Tx,
  query: { userId: number; where: string; at: Date; order: 'ASC' | 'DESC'; limit?: number },
): Promise<Span[]> {
  const lock = db.kind === 'mysql' ? ' FOR UPDATE' : '';
  const rows = await db.sequelize.query<RawSpan>(
    `SELECT a.id AS id, a.clock_in_at AS clockInAt, a.clock_out_at AS clockOutAt,
       a.clock_out_kind AS clockOutKind
     FROM (SELECT id FROM users WHERE id = $userId${lock}) u
     LEFT JOIN attendance a ON a.user_id = u.id AND ${query.where}
     ORDER BY a.clock_in_at ${query.order}${query.limit ? ` LIMIT ${query.limit}` : ''}`,
    {
      type: QueryTypes.SELECT,
      bind: { userId: query.userId, at: stored(db, query.at) },
      transaction: tx,
    },
  );
  const found: Span[] = [];
  for (const row of rows) {
    if (row.id === null || row.clockInAt === null) continue;
    found.push({
      id: row.id,
      clockInAt: new Date(row.clockInAt),
      clockOutAt: row.clockOutAt === null ? null : new Date(row.clockOutAt),
      clockOutKind: row.clockOutKind,
    });
  }
  return found;
}

/**
 * Locks the employee (see lockAndSpans) and reads their shifts still open or ending after `after`,
 * oldest first: those a clock-in then could meet.
 */
export function lockAndSpansEndingAfter(
  db: Database,
  userId: number,
  after: Date,
  tx: Tx,
): Promise<Span[]> {
  return lockAndSpans(db, tx, {
    userId,
    where: '(a.clock_out_at IS NULL OR a.clock_out_at > $at)',
    at: after,
    order: 'ASC',
  });
}

/**
 * Locks the employee (see lockAndSpans) and reads their latest shift begun at or before `at`: the
 * one a clock-out then belongs to; null when there is none.
 */
export async function lockAndSpanBegunBy(
  db: Database,
  userId: number,
  at: Date,
  tx: Tx,
): Promise<Span | null> {
  const [span] = await lockAndSpans(db, tx, {
    userId,
    where: 'a.clock_in_at <= $at',
    at,
    order: 'DESC',
    limit: 1,
  });
  return span ?? null;
}

/**
 * The employee's shifts, other than `except`, that meet the span [from, until) (until null: open):
 * what an admin's entry or correction would overlap.
 */
export async function spansMeeting(
  db: Database,
  query: { userId: number; from: Date; until: Date | null; except?: number | undefined },
  tx: Tx,
): Promise<Span[]> {
  const rows = await db.models.Attendance.findAll({
    attributes: [...SPAN_ATTRIBUTES],
    where: {
      userId: query.userId,
      ...(query.except !== undefined ? { id: { [Op.ne]: query.except } } : {}),
      ...(query.until ? { clockInAt: { [Op.lt]: query.until } } : {}),
      [Op.or]: [{ clockOutAt: null }, { clockOutAt: { [Op.gt]: query.from } }],
    },
    order: [['clockInAt', 'ASC']],
    transaction: tx,
  });
  return spans(rows);
}

/** One shift by id; `lock` takes a row lock for the rest of `tx`. */
export function byId(
  db: Database,
  id: number,
  options: { tx?: Tx; lock?: boolean } = {},
): Promise<Attendance | null> {
  return db.models.Attendance.findByPk(id, {
    transaction: options.tx ?? null,
    ...(options.lock && options.tx ? { lock: options.tx.LOCK.UPDATE } : {}),
  });
}

/** The employee's open shift, if any; `lock` takes a row lock for the rest of `tx`. */
export function openOf(
  db: Database,
  userId: number,
  options: { tx?: Tx; lock?: boolean } = {},
): Promise<Attendance | null> {
  return db.models.Attendance.findOne({
    where: { openUserId: userId },
    transaction: options.tx ?? null,
    ...(options.lock && options.tx ? { lock: options.tx.LOCK.UPDATE } : {}),
  });
}

/** Writes `changes` to the shift (the instance then holds them too). */
export async function update(shift: Attendance, changes: ShiftChanges, tx: Tx): Promise<void> {
  await shift.update(changes, { transaction: tx });
}

/**
 * The user's records of one work date and their open shift (which may have begun earlier), oldest
 * first: what the app shows each time it opens or comes back to the front.
 */
export function dayOfUser(db: Database, userId: number, workDate: string): Promise<Attendance[]> {
  // The quoted table name is what lets Sequelize's SQLite dialect find the column types and parse
  // the dates, as it does for findAll (backticks quote on MySQL too).
  return db.sequelize.query(
    `SELECT * FROM \`attendance\`
     WHERE user_id = $userId AND (work_date = $workDate OR open_user_id IS NOT NULL)
     ORDER BY id`,
    { bind: { userId, workDate }, model: db.models.Attendance, mapToModel: true },
  );
}

/** The user's records with work dates in [from, to], newest first, `limit` after the `before` id. */
export function pageOfUser(
  db: Database,
  query: { userId: number; from: string; to: string; before?: number | undefined; limit: number },
): Promise<Attendance[]> {
  const inRange = { userId: query.userId, workDate: { [Op.between]: [query.from, query.to] } };
  return db.models.Attendance.findAll({
    where: query.before === undefined ? inRange : { ...inRange, id: { [Op.lt]: query.before } },
    order: [['id', 'DESC']],
    limit: query.limit,
  });
}

/** Every record of the user with work dates in [from, to], oldest first. */
export function allOfUser(
  db: Database,
  query: { userId: number; from: string; to: string },
): Promise<Attendance[]> {
  return db.models.Attendance.findAll({
    where: { userId: query.userId, workDate: { [Op.between]: [query.from, query.to] } },
    order: [['id', 'ASC']],
  });
}

export interface ShiftFilter {
  from: string;
  to: string;
  userId?: number | undefined;
  department?: string | undefined;
  /** Only employees of these departments (a manager's). */
  departments?: readonly string[] | undefined;
  status?: AttendanceStatus | undefined;
  open?: boolean | undefined;
  /** Only records made at this site. */
  siteId?: number | undefined;
  /** Only records with an id below this one (the next page of a newest-first list). */
  before?: number | undefined;
  limit: number;
}

function listWhere(filter: Omit<ShiftFilter, 'limit' | 'before'>): WhereOptions<Attendance> {
  const where: WhereOptions<Attendance>[] = [
    { workDate: { [Op.between]: [filter.from, filter.to] } },
  ];
  if (filter.userId !== undefined) where.push({ userId: filter.userId });
  if (filter.status !== undefined) where.push({ status: filter.status });
  if (filter.open !== undefined) where.push({ openUserId: filter.open ? { [Op.ne]: null } : null });
  if (filter.siteId !== undefined) where.push({ siteId: filter.siteId });
  return { [Op.and]: where };
}

function withEmployee(
  db: Database,
  filter: { department?: string | undefined; departments?: readonly string[] | undefined },
) {
  const where: WhereOptions<User>[] = [];
  if (filter.department !== undefined) where.push({ department: filter.department });
  if (filter.departments !== undefined)
    where.push({ department: { [Op.in]: [...filter.departments] } });
  return {
    model: db.models.User,
    as: 'user',
    attributes: ['name', 'email', 'department'],
    ...(where.length > 0 ? { where: { [Op.and]: where } } : {}),
  };
}

/** Records with work dates in [from, to] matching the filter, newest first, with their employees. */
export async function list(db: Database, filter: ShiftFilter): Promise<ShiftWithUser[]> {
  const rows = await db.models.Attendance.findAll({
    where:
      filter.before === undefined
        ? listWhere(filter)
        : { [Op.and]: [listWhere(filter), { id: { [Op.lt]: filter.before } }] },
    include: [withEmployee(db, filter)],
    order: [['id', 'DESC']],
    limit: filter.limit,
  });
  return rows as ShiftWithUser[];
}

/** How many records match the filter, on every page. */
export function countMatching(
  db: Database,
  filter: Omit<ShiftFilter, 'limit' | 'before'>,
): Promise<number> {
  return db.models.Attendance.count({
    where: listWhere(filter),
    include: [withEmployee(db, filter)],
  });
}

/** How many records have work dates in [from, to]. */
export function countInRange(db: Database, range: { from: string; to: string }): Promise<number> {
  return db.models.Attendance.count({
    where: { workDate: { [Op.between]: [range.from, range.to] } },
  });
}

/**
 * Records with work dates in [from, to] in the order of a report: by work date, then employee
 * name, then clock-in; `offset` records in, at most `limit`.
 */
export async function pageForReport(
  db: Database,
  query: { from: string; to: string; offset: number; limit: number },
): Promise<ShiftWithUser[]> {
  const rows = await db.models.Attendance.findAll({
    where: { workDate: { [Op.between]: [query.from, query.to] } },
    include: [withEmployee(db, {})],
    order: [
      ['workDate', 'ASC'],
      [{ model: db.models.User, as: 'user' }, 'name', 'ASC'],
      ['clockInAt', 'ASC'],
      ['id', 'ASC'],
    ],
    offset: query.offset,
    limit: query.limit,
  });
  return rows as ShiftWithUser[];
}

/**
 * Open shifts due for auto clock-out by `now`, after the id `after`, oldest id first, a page at a
 * time: those whose auto clock-out time has passed, and those recorded before shifts carried one
 * that began before `legacyBegunBefore` (the last company auto clock-out hour).
 */
export async function openDue(
  db: Database,
  query: { now: Date; legacyBegunBefore: Date; after: number; limit: number },
): Promise<{ id: number; userId: number; clockInAt: Date; autoClockOutAt: Date | null }[]> {
  const rows = await db.models.Attendance.findAll({
    where: {
      id: { [Op.gt]: query.after },
      openUserId: { [Op.ne]: null },
      [Op.or]: [
        { autoClockOutAt: { [Op.lte]: query.now } },
        { autoClockOutAt: null, clockInAt: { [Op.lt]: query.legacyBegunBefore } },
      ],
    },
    attributes: ['id', 'userId', 'clockInAt', 'autoClockOutAt'],
    order: [['id', 'ASC']],
    limit: query.limit,
    raw: true,
  });
  // A raw row: a Date from MySQL, a string from SQLite.
  return rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    clockInAt: new Date(row.clockInAt),
    autoClockOutAt: row.autoClockOutAt ? new Date(row.autoClockOutAt) : null,
  }));
}

/** The open shifts, latest clock-in first, with their employees (of some departments, if given). */
export async function latestOpen(
  db: Database,
  query: {
    limit: number;
    departments?: readonly string[] | undefined;
    /** Only employees whose primary site this is. */
    siteId?: number | undefined;
  },
): Promise<ShiftWithUser[]> {
  const { Attendance, User } = db.models;
  const rows = await Attendance.findAll({
    where: {
      openUserId: { [Op.ne]: null },
      ...(query.siteId !== undefined
        ? {
            userId: {
              [Op.in]: literal(
                `(SELECT user_id FROM user_sites WHERE is_primary = 1 AND site_id = ${Number(query.siteId)})`,
              ),
            },
          }
        : {}),
    },
    include: [
      {
        model: User,
        as: 'user',
        attributes: ['name', 'email', 'department'],
        ...(query.departments
          ? { where: { department: { [Op.in]: [...query.departments] } } }
          : {}),
      },
    ],
    order: [['clockInAt', 'DESC']],
    limit: query.limit,
  });
  return rows as ShiftWithUser[];
}
