/** The holidays table: the company calendar of days off, company-wide or for one site. */
import { Op, type WhereOptions } from 'sequelize';
import type { Database, Tx } from '../connect.js';
import type { Holiday } from '../models/index.js';

/** The scope column of a holiday: its site, or 0 for every site. */
const scopeOf = (siteId: number | null) => siteId ?? 0;

export interface HolidayRange {
  /** First and last date, "YYYY-MM-DD", both included. */
  from: string;
  to: string;
  /**
   * Which holidays: those that apply at this site (its own and the company-wide ones), only the
   * company-wide ones (null), or every holiday of every site (undefined).
   */
  appliesTo?: number | null | undefined;
}

/** The holidays in the range, by date, the company-wide one of a date before any site's own. */
export function between(db: Database, range: HolidayRange, tx?: Tx): Promise<Holiday[]> {
  const where: WhereOptions<Holiday>[] = [{ date: { [Op.between]: [range.from, range.to] } }];
  if (range.appliesTo === null) where.push({ siteScope: 0 });
  else if (range.appliesTo !== undefined)
    where.push({ siteScope: { [Op.in]: [0, range.appliesTo] } });
  return db.models.Holiday.findAll({
    where: { [Op.and]: where },
    order: [
      ['date', 'ASC'],
      ['siteScope', 'ASC'],
    ],
    transaction: tx ?? null,
  });
}

/** One holiday by id, or null. */
export function byId(db: Database, id: number, tx?: Tx): Promise<Holiday | null> {
  return db.models.Holiday.findByPk(id, { transaction: tx ?? null });
}

/** The holiday of exactly this scope on the date (the site's own, or the company-wide one for null). */
export function onDate(
  db: Database,
  date: string,
  siteId: number | null,
  tx?: Tx,
): Promise<Holiday | null> {
  return db.models.Holiday.findOne({
    where: { date, siteScope: scopeOf(siteId) },
    transaction: tx ?? null,
  });
}

export type NewHoliday = Pick<Holiday, 'date' | 'name' | 'kind' | 'siteId' | 'source'>;

/**
 * Adds a holiday; a second one on the same date for the same site (or a second company-wide one)
 * surfaces as a unique violation.
 */
export function create(db: Database, holiday: NewHoliday, tx: Tx): Promise<Holiday> {
  return db.models.Holiday.create(
    { ...holiday, siteScope: scopeOf(holiday.siteId) },
    { transaction: tx },
  );
}

export type HolidayChanges = Partial<Pick<Holiday, 'date' | 'name' | 'kind' | 'siteId'>>;

/** Writes `changes` to the holiday (the instance then holds them too); a clash as in `create`. */
export async function update(holiday: Holiday, changes: HolidayChanges, tx: Tx): Promise<void> {
  await holiday.update(
    changes.siteId === undefined ? changes : { ...changes, siteScope: scopeOf(changes.siteId) },
    { transaction: tx },
  );
}

/** Deletes the holiday. */
export async function remove(holiday: Holiday, tx: Tx): Promise<void> {
  await holiday.destroy({ transaction: tx });
}
