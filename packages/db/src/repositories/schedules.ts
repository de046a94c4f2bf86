/** Shift types, schedules with their days, assignments, roster overrides and managers' scopes. */
import { Op, QueryTypes } from 'sequelize';
import type { Database, Tx } from '../connect.js';
import type {
  ManagerScope,
  RosterOverride,
  Schedule,
  ScheduleAssignment,
  ScheduleDay,
  ShiftType,
} from '../models/index.js';

export type ShiftTypeValues = Omit<
  ShiftType['_creationAttributes'],
  'id' | 'createdAt' | 'updatedAt' | 'active'
> & { active?: boolean };

export function shiftTypes(db: Database, tx?: Tx): Promise<ShiftType[]> {
  return db.models.ShiftType.findAll({ order: [['id', 'ASC']], transaction: tx ?? null });
}

export function shiftTypeById(db: Database, id: number, tx?: Tx): Promise<ShiftType | null> {
  return db.models.ShiftType.findByPk(id, { transaction: tx ?? null });
}

export function createShiftType(db: Database, values: ShiftTypeValues, tx: Tx): Promise<ShiftType> {
  return db.models.ShiftType.create(values, { transaction: tx });
}

export async function updateShiftType(
  shiftType: ShiftType,
  values: Partial<ShiftTypeValues>,
  tx: Tx,
): Promise<void> {
  await shiftType.update(values, { transaction: tx });
}

export interface ScheduleWithDays {
  schedule: Schedule;
  /** The shift type id of each day index (null: off), in order. */
  days: (number | null)[];
}

function withDays(schedules: Schedule[], days: ScheduleDay[]): ScheduleWithDays[] {
  return schedules.map((schedule) => {
    const pattern: (number | null)[] = Array.from({ length: schedule.cycleDays }, () => null);
    for (const day of days)
      if (day.scheduleId === schedule.id && day.dayIndex < pattern.length)
        pattern[day.dayIndex] = day.shiftTypeId;
    return { schedule, days: pattern };
  });
}

/** Every schedule with its days, by id. */
export async function schedules(db: Database, tx?: Tx): Promise<ScheduleWithDays[]> {
  const [rows, days] = await Promise.all([
    db.models.Schedule.findAll({ order: [['id', 'ASC']], transaction: tx ?? null }),
    db.models.ScheduleDay.findAll({ transaction: tx ?? null }),
  ]);
  return withDays(rows, days);
}

export async function scheduleById(
  db: Database,
  id: number,
  tx?: Tx,
): Promise<ScheduleWithDays | null> {
  const schedule = await db.models.Schedule.findByPk(id, { transaction: tx ?? null });
  if (!schedule) return null;
  const days = await db.models.ScheduleDay.findAll({
    where: { scheduleId: id },
    transaction: tx ?? null,
  });
  return withDays([schedule], days)[0]!;
}

export type ScheduleValues = Pick<Schedule, 'name' | 'kind' | 'cycleDays' | 'anchorDate'> & {
  active?: boolean;
};

/** Writes a schedule and replaces its days; returns its id. */
export async function saveSchedule(
  db: Database,
  values: ScheduleValues,
  days: readonly (number | null)[],
  tx: Tx,
  id?: number,
): Promise<number> {
  let scheduleId = id;
  if (scheduleId === undefined) {
    scheduleId = (await db.models.Schedule.create(values, { transaction: tx })).id;
  } else {
    await db.models.Schedule.update(values, { where: { id: scheduleId }, transaction: tx });
    await db.models.ScheduleDay.destroy({ where: { scheduleId }, transaction: tx });
  }
  await db.models.ScheduleDay.bulkCreate(
    days.map((shiftTypeId, dayIndex) => ({ scheduleId: scheduleId, dayIndex, shiftTypeId })),
    { transaction: tx },
  );
  return scheduleId;
}

/** Every assignment, by id. */
export function assignments(db: Database, tx?: Tx): Promise<ScheduleAssignment[]> {
  return db.models.ScheduleAssignment.findAll({ order: [['id', 'ASC']], transaction: tx ?? null });
}

export function assignmentById(
  db: Database,
  id: number,
  tx?: Tx,
): Promise<ScheduleAssignment | null> {
  return db.models.ScheduleAssignment.findByPk(id, { transaction: tx ?? null });
}

export function createAssignment(
  db: Database,
  values: Pick<
    ScheduleAssignment,
    'scheduleId' | 'userId' | 'department' | 'validFrom' | 'validTo'
  >,
  tx: Tx,
): Promise<ScheduleAssignment> {
  return db.models.ScheduleAssignment.create(values, { transaction: tx });
}

export async function updateAssignment(
  assignment: ScheduleAssignment,
  values: Partial<Pick<ScheduleAssignment, 'validFrom' | 'validTo'>>,
  tx: Tx,
): Promise<void> {
  await assignment.update(values, { transaction: tx });
}

export async function removeAssignment(db: Database, id: number, tx: Tx): Promise<void> {
  await db.models.ScheduleAssignment.destroy({ where: { id }, transaction: tx });
}

/** The roster overrides of the given users (every user when omitted) on dates in [from, to]. */
export function overridesBetween(
  db: Database,
  query: { from: string; to: string; userIds?: readonly number[] | undefined },
  tx?: Tx,
): Promise<RosterOverride[]> {
  return db.models.RosterOverride.findAll({
    where: {
      date: { [Op.between]: [query.from, query.to] },
      ...(query.userIds ? { userId: { [Op.in]: [...query.userIds] } } : {}),
    },
    order: [
      ['userId', 'ASC'],
      ['date', 'ASC'],
    ],
    transaction: tx ?? null,
  });
}

/**
 * The users with a roster override dated in [from, to] ("YYYY-MM-DD"), or null when more than
 * `limit` have one (a caller then reads each person's overrides). One query on the date index.
 */
export async function usersWithOverridesBetween(
  db: Database,
  range: { from: string; to: string },
  limit: number,
): Promise<number[] | null> {
  const rows = await db.sequelize.query<{ userId: number | string }>(
    `SELECT DISTINCT user_id AS userId FROM roster_overrides
      WHERE date BETWEEN :from AND :to LIMIT :rows`,
    { type: QueryTypes.SELECT, replacements: { ...range, rows: limit + 1 } },
  );
  return rows.length > limit ? null : rows.map((row) => Number(row.userId));
}

export function overrideOf(
  db: Database,
  userId: number,
  date: string,
  tx: Tx,
): Promise<RosterOverride | null> {
  return db.models.RosterOverride.findOne({ where: { userId, date }, transaction: tx });
}

/** Sets the user's plan for a date (shiftTypeId null: a day off), replacing an earlier override. */
export async function saveOverride(
  db: Database,
  override: Pick<RosterOverride, 'userId' | 'date' | 'shiftTypeId' | 'note'>,
  tx: Tx,
): Promise<void> {
  const existing = await overrideOf(db, override.userId, override.date, tx);
  if (existing) await existing.update(override, { transaction: tx });
  else await db.models.RosterOverride.create(override, { transaction: tx });
}

export async function removeOverride(db: Database, userId: number, date: string, tx: Tx) {
  await db.models.RosterOverride.destroy({ where: { userId, date }, transaction: tx });
}

/** The departments and sites a manager looks after. */
export function scopesOf(db: Database, userId: number, tx?: Tx): Promise<ManagerScope[]> {
  return db.models.ManagerScope.findAll({ where: { userId }, transaction: tx ?? null });
}

/** Replaces a manager's scopes. */
export async function saveScopes(
  db: Database,
  userId: number,
  scopes: readonly { department: string | null; siteId: number | null }[],
  tx: Tx,
): Promise<void> {
  await db.models.ManagerScope.destroy({ where: { userId }, transaction: tx });
  if (scopes.length > 0)
    await db.models.ManagerScope.bulkCreate(
      scopes.map((scope) => ({ userId, ...scope })),
      { transaction: tx },
    );
}
