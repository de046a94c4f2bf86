import { repos, type Holiday, type Tx } from '@absensi/db';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { FIRST_HOLIDAY_YEAR, LAST_HOLIDAY_YEAR, proposedNationalHolidays } from './rules.js';
import { holidayView, type HolidayView } from './views.js';

/** The views of holidays, with the names of their sites read in one query. */
export async function holidayViews(
  deps: Pick<CoreDeps, 'db'>,
  holidays: readonly Holiday[],
  tx?: Tx,
): Promise<HolidayView[]> {
  const siteIds = holidays.flatMap((holiday) => (holiday.siteId === null ? [] : [holiday.siteId]));
  const sites = siteIds.length > 0 ? await repos.sites.byIds(deps.db, siteIds, tx) : [];
  const names = new Map(sites.map((site) => [site.id, site.name]));
  return holidays.map((holiday) => holidayView(holiday, names));
}

/**
 * The holidays with dates in [from, to] ("YYYY-MM-DD", both included), by date:
 * - `siteId` a number: those kept at that site, its own and the company-wide ones;
 * - `siteId` null: the company-wide ones only (what applies to an employee with no site);
 * - `siteId` left out: every holiday of every site, for a caller that resolves many people's
 *   days at once with `holidayOn(date, theirSiteId, holidays)`.
 * Empty when `from` is after `to`.
 */
export async function holidaysBetween(
  deps: Pick<CoreDeps, 'db'>,
  from: string,
  to: string,
  siteId?: number | null,
): Promise<HolidayView[]> {
  if (from > to) return [];
  const rows = await repos.holidays.between(deps.db, { from, to, appliesTo: siteId });
  return holidayViews(deps, rows);
}

/** @throws DomainError INVALID naming `year` outside [2000, 2099]. */
export function checkYear(year: number) {
  if (!Number.isInteger(year) || year < FIRST_HOLIDAY_YEAR || year > LAST_HOLIDAY_YEAR)
    throw new DomainError(
      'INVALID',
      `year: must be a year from ${FIRST_HOLIDAY_YEAR} to ${LAST_HOLIDAY_YEAR}`,
      'year',
      {
        reason: 'HOLIDAY_YEAR_OUT_OF_RANGE',
        params: { first: FIRST_HOLIDAY_YEAR, last: LAST_HOLIDAY_YEAR },
      },
    );
}

/**
 * The holidays of a year by date: every holiday of every site, or with `siteId` those kept at
 * that site (its own and the company-wide ones).
 * @throws DomainError NOT_FOUND for an unknown site; INVALID for a year outside [2000, 2099].
 */
export async function listHolidays(
  deps: Pick<CoreDeps, 'db'>,
  query: { year: number; siteId?: number | undefined },
): Promise<HolidayView[]> {
  checkYear(query.year);
  if (query.siteId !== undefined && !(await repos.sites.byId(deps.db, query.siteId)))
    throw new DomainError('NOT_FOUND', `There is no site with id ${query.siteId}.`, 'siteId', {
      reason: 'SITE_NOT_FOUND',
      params: { id: query.siteId },
    });
  return holidaysBetween(deps, `${query.year}-01-01`, `${query.year}-12-31`, query.siteId);
}

/** A national holiday proposed from the library, and the company-wide holiday already on its date. */
export interface HolidayProposal {
  date: string;
  name: string;
  kind: 'national';
  /** The company-wide holiday the calendar already has on that date, if any. */
  existing: { id: number; name: string; kind: HolidayView['kind'] } | null;
}

/**
 * Indonesia's national holidays of `year` from `date-holidays`, each marked with the company-wide
 * holiday already on its date: what an admin reviews before confirming some (`confirmHolidays`).
 * @throws DomainError INVALID for a year outside [2000, 2099].
 */
export async function proposeHolidays(
  deps: Pick<CoreDeps, 'db'>,
  query: { year: number },
): Promise<HolidayProposal[]> {
  checkYear(query.year);
  const [proposed, existing] = await Promise.all([
    proposedNationalHolidays(query.year),
    repos.holidays.between(deps.db, {
      from: `${query.year}-01-01`,
      to: `${query.year}-12-31`,
      appliesTo: null,
    }),
  ]);
  const byDate = new Map(existing.map((holiday) => [holiday.date, holiday]));
  return proposed.map((holiday) => {
    const there = byDate.get(holiday.date);
    return {
      ...holiday,
      existing: there ? { id: there.id, name: there.name, kind: there.kind } : null,
    };
  });
}
