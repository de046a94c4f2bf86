/**
 * The attendance table: every query on shifts. The clock-in insert and the day's read are single
 * prepared statements (bind parameters: MariaDB parses each once per connection); `Model.create`
 * and `findAll` rebuild the same SQL on every call, which on the busiest path cost more CPU than the
 * database round trip itself.
 */
import { Op, QueryTypes, type WhereOptions } from 'sequelize';
import type { Database, Tx } from '../connect.js';
import type { Attendance, AttendanceStatus, User } from '../models/index.js';
import { stored } from './stored.js';

export type NewShift = Pick<
  Attendance,
  | 'userId'
  | 'workDate'
  | 'status'
  | 'lateMinutes'
  | 'clockInAt'
  | 'clockInClientAt'
  | 'clockInNode'
  | 'clockInSource'
  | 'clockInLat'
  | 'clockInLng'
  | 'clockInAccuracy'
  | 'clockInNote'
>;

/** Fields of a shift that a use case may change. */
export type ShiftChanges = Partial<
  Omit<Attendance['_attributes'], 'id' | 'userId' | 'createdAt' | 'updatedAt'>
>;

/** A shift with the name, email and department of its employee. */
export type ShiftWithUser = Attendance & { user: Pick<User, 'name' | 'email' | 'department'> };

/**
 * Opens a shift (clock-in); returns the row as the model would. The database refuses a second open
 * shift of one employee (unique `open_user_id`), surfacing as a unique violation.
 */
export async function insertOpen(db: Database, shift: NewShift, tx: Tx): Promise<Attendance> {
  const now = new Date();
  const [id] = await db.sequelize.query(
    `INSERT INTO attendance (user_id, work_date, status, late_minutes, clock_in_at, clock_in_client_at,
       clock_in_node, clock_in_source, clock_in_lat, clock_in_lng, clock_in_accuracy, clock_in_note,
       open_user_id, created_at, updated_at)
     VALUES ($userId, $workDate, $status, $lateMinutes, $clockInAt, $clockInClientAt, $clockInNode,
       $clockInSource, $clockInLat, $clockInLng, $clockInAccuracy, $clockInNote, $userId, $now, $now)`,
    {
      type: QueryTypes.INSERT,
      transaction: tx,
      bind: {
        ...shift,
        clockInAt: stored(db, shift.clockInAt),
        clockInClientAt: stored(db, shift.clockInClientAt),
        now: stored(db, now),
      },
    },
  );
  return db.models.Attendance.build(
    {
      ...shift,
      id: Number(id),
      clockOutAt: null,
      clockOutClientAt: null,
      clockOutNode: null,
      clockOutSource: null,
      clockOutKind: null,
      clockOutLat: null,
      clockOutLng: null,
      clockOutAccuracy: null,
      clockOutNote: null,
      openUserId: shift.userId,
      createdAt: now,
      updatedAt: now,
    },
    { isNewRecord: false, raw: true },
  );
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
  status?: AttendanceStatus | undefined;
  open?: boolean | undefined;
  /** Only records with an id below this one (the next page of a newest-first list). */
  before?: number | undefined;
  limit: number;
}

/** Records with work dates in [from, to] matching the filter, newest first, with their employees. */
export async function list(db: Database, filter: ShiftFilter): Promise<ShiftWithUser[]> {
  const { Attendance, User } = db.models;
  const where: WhereOptions<Attendance>[] = [
    { workDate: { [Op.between]: [filter.from, filter.to] } },
  ];
  if (filter.userId !== undefined) where.push({ userId: filter.userId });
  if (filter.status !== undefined) where.push({ status: filter.status });
  if (filter.open !== undefined) where.push({ openUserId: filter.open ? { [Op.ne]: null } : null });
  if (filter.before !== undefined) where.push({ id: { [Op.lt]: filter.before } });
  const rows = await Attendance.findAll({
    where: { [Op.and]: where },
    include: [
      {
        model: User,
        as: 'user',
        attributes: ['name', 'email', 'department'],
        ...(filter.department !== undefined ? { where: { department: filter.department } } : {}),
      },
    ],
    order: [['id', 'DESC']],
    limit: filter.limit,
  });
  return rows as ShiftWithUser[];
}

/** How many records have work dates in [from, to]. */
export function countInRange(db: Database, range: { from: string; to: string }): Promise<number> {
  return db.models.Attendance.count({
    where: { workDate: { [Op.between]: [range.from, range.to] } },
  });
}

/** Records with work dates in [from, to] after the id `after`, oldest first, with their employees. */
export async function pageInRange(
  db: Database,
  query: { from: string; to: string; after: number; limit: number },
): Promise<ShiftWithUser[]> {
  const { Attendance, User } = db.models;
  const rows = await Attendance.findAll({
    where: { workDate: { [Op.between]: [query.from, query.to] }, id: { [Op.gt]: query.after } },
    include: [{ model: User, as: 'user', attributes: ['name', 'email', 'department'] }],
    order: [['id', 'ASC']],
    limit: query.limit,
  });
  return rows as ShiftWithUser[];
}

/**
 * Open shifts begun before `begunBefore`, after the id `after`, oldest id first: the candidates for
 * auto clock-out, a page at a time, instead of every open shift of the day.
 */
export async function openBegunBefore(
  db: Database,
  query: { begunBefore: Date; after: number; limit: number },
): Promise<{ id: number; clockInAt: Date }[]> {
  const rows = await db.models.Attendance.findAll({
    where: {
      id: { [Op.gt]: query.after },
      openUserId: { [Op.ne]: null },
      clockInAt: { [Op.lt]: query.begunBefore },
    },
    attributes: ['id', 'clockInAt'],
    order: [['id', 'ASC']],
    limit: query.limit,
    raw: true,
  });
  // A raw row: a Date from MySQL, a string from SQLite.
  return rows.map((row) => ({ id: row.id, clockInAt: new Date(row.clockInAt) }));
}

/** How many shifts are open now. */
export function countOpen(db: Database): Promise<number> {
  return db.models.Attendance.count({ where: { openUserId: { [Op.ne]: null } } });
}

/** The open shifts, latest clock-in first, with their employees. */
export async function latestOpen(db: Database, limit: number): Promise<ShiftWithUser[]> {
  const { Attendance, User } = db.models;
  const rows = await Attendance.findAll({
    where: { openUserId: { [Op.ne]: null } },
    include: [{ model: User, as: 'user', attributes: ['name', 'email', 'department'] }],
    order: [['clockInAt', 'DESC']],
    limit,
  });
  return rows as ShiftWithUser[];
}
