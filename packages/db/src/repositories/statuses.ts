/**
 * The daily_statuses table (one row per person per work date, derived from the record, the plan
 * and the requests) and the reads that derive it.
 */
import { Op, type InferAttributes } from 'sequelize';
import type { Database } from '../connect.js';
import type { Attendance, DailyStatusRow } from '../models/index.js';

/** What the daily status needs of a shift. */
export type ShiftForStatus = Pick<
  Attendance,
  | 'id'
  | 'userId'
  | 'workDate'
  | 'status'
  | 'lateMinutes'
  | 'earlyLeaveMinutes'
  | 'clockInAt'
  | 'clockOutAt'
  | 'scheduledStart'
  | 'scheduledEnd'
  | 'shiftTypeId'
>;

/** The shifts of these people with work dates in [from, to], in clock-in order. */
export function shiftsBetween(
  db: Database,
  query: { userIds: readonly number[]; from: string; to: string },
): Promise<ShiftForStatus[]> {
  if (query.userIds.length === 0) return Promise.resolve([]);
  return db.models.Attendance.findAll({
    attributes: [
      'id',
      'userId',
      'workDate',
      'status',
      'lateMinutes',
      'earlyLeaveMinutes',
      'clockInAt',
      'clockOutAt',
      'scheduledStart',
      'scheduledEnd',
      'shiftTypeId',
    ],
    where: {
      userId: { [Op.in]: [...query.userIds] },
      workDate: { [Op.between]: [query.from, query.to] },
    },
    order: [['clockInAt', 'ASC']],
  });
}

export type StatusValues = Omit<
  InferAttributes<DailyStatusRow>,
  'computedAt' | 'overtimeWeightedHours' | 'leaveDays'
> & { overtimeWeightedHours: number; leaveDays: number };

/** The stored statuses of these people (all when absent) with work dates in [from, to]. */
export async function between(
  db: Database,
  query: { userIds?: readonly number[] | undefined; from: string; to: string },
): Promise<StatusValues[]> {
  const rows = await db.models.DailyStatusRow.findAll({
    where: {
      ...(query.userIds ? { userId: { [Op.in]: [...query.userIds] } } : {}),
      workDate: { [Op.between]: [query.from, query.to] },
    },
    order: [
      ['userId', 'ASC'],
      ['workDate', 'ASC'],
    ],
    raw: true,
  });
  return rows.map(({ computedAt: _computed, ...row }) => ({
    ...row,
    overDailyLimit: Boolean(row.overDailyLimit),
    overWeeklyLimit: Boolean(row.overWeeklyLimit),
    overtimeWeightedHours: Number(row.overtimeWeightedHours),
    leaveDays: Number(row.leaveDays),
  }));
}

/** Writes these statuses, replacing what was stored for the same person and date. */
export async function save(
  db: Database,
  rows: readonly StatusValues[],
  computedAt: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const fields = Object.keys(rows[0]!).filter(
    (key) => key !== 'userId' && key !== 'workDate',
  ) as (keyof InferAttributes<DailyStatusRow>)[];
  // In slices, so that no single write holds the database (SQLite's one writer) for long.
  for (let start = 0; start < rows.length; start += 500) {
    await db.models.DailyStatusRow.bulkCreate(
      rows.slice(start, start + 500).map((row) => ({ ...row, computedAt })),
      { updateOnDuplicate: [...fields, 'computedAt'] },
    );
  }
}

/** Removes the stored statuses of these (person, date) pairs. */
export async function remove(
  db: Database,
  keys: readonly { userId: number; workDate: string }[],
): Promise<void> {
  if (keys.length === 0) return;
  await db.models.DailyStatusRow.destroy({
    where: { [Op.or]: keys.map((key) => ({ userId: key.userId, workDate: key.workDate })) },
  });
}
