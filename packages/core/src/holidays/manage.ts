import {
  isUniqueViolation,
  repos,
  type Holiday,
  type HolidayChanges,
  type HolidayKind,
  type Tx,
} from '@absensi/db';
import type { Actor } from '../actor.js';
import { writeAudit } from '../audit/write.js';
import { afterCommit } from '../changes.js';
import { definedOnly } from '../defined.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { checkYear, holidayViews, type HolidayProposal } from './queries.js';
import { FIRST_HOLIDAY_YEAR, LAST_HOLIDAY_YEAR, proposedNationalHolidays } from './rules.js';
import type { HolidayView } from './views.js';

// `planning`: the planning cache holds the holidays a day's plan is read with.
type Deps = Pick<
  CoreDeps,
  'db' | 'feed' | 'log' | 'sentMarks' | 'dashboardCache' | 'users' | 'planning'
>;

/** The refusal of a second holiday on a date in one scope, naming the one already there. */
function clash(date: string, siteName: string | null, existing: Holiday): DomainError {
  const scope = siteName ? `at ${siteName}` : 'for every site';
  return new DomainError(
    'CONFLICT',
    `There is already a holiday on ${date} ${scope}: "${existing.name}". Change or delete that one instead.`,
    'date',
    { reason: 'HOLIDAY_EXISTS', params: { date, name: existing.name } },
  );
}

/**
 * Refuses a holiday on `date` at `siteId` (null: every site) that the calendar cannot take: a year
 * outside [2000, 2099], a site that does not exist, a site that is inactive (unless the holiday
 * `except` already belongs to it), or a date that already has a holiday of the same scope other
 * than `except`.
 * @throws DomainError INVALID, NOT_FOUND or CONFLICT.
 */
async function checkPlace(
  deps: Pick<CoreDeps, 'db'>,
  place: { date: string; siteId: number | null; except?: Holiday },
  tx: Tx,
): Promise<void> {
  const year = Number(place.date.slice(0, 4));
  if (!(year >= FIRST_HOLIDAY_YEAR && year <= LAST_HOLIDAY_YEAR))
    throw new DomainError(
      'INVALID',
      `date: must be in a year from ${FIRST_HOLIDAY_YEAR} to ${LAST_HOLIDAY_YEAR}`,
      'date',
      {
        reason: 'HOLIDAY_YEAR_OUT_OF_RANGE',
        params: { first: FIRST_HOLIDAY_YEAR, last: LAST_HOLIDAY_YEAR },
      },
    );
  let siteName: string | null = null;
  if (place.siteId !== null) {
    const site = await repos.sites.byId(deps.db, place.siteId, { tx });
    if (!site)
      throw new DomainError('NOT_FOUND', `There is no site with id ${place.siteId}.`, 'siteId', {
        reason: 'SITE_NOT_FOUND',
        params: { id: place.siteId },
      });
    if (!site.active && place.except?.siteId !== site.id)
      throw new DomainError(
        'INVALID',
        `siteId: ${site.name} is inactive; reactivate it before giving it holidays`,
        'siteId',
        { reason: 'SITE_INACTIVE', params: { siteName: site.name } },
      );
    siteName = site.name;
  }
  const existing = await repos.holidays.onDate(deps.db, place.date, place.siteId, tx);
  if (existing && existing.id !== place.except?.id) throw clash(place.date, siteName, existing);
}

/** A unique violation that got past checkPlace (two admins at once), as the same refusal. */
const clashOnCommit = (date: string) => (error: unknown) => {
  if (isUniqueViolation(error))
    throw new DomainError(
      'CONFLICT',
      `There is already a holiday on ${date} for this site or for every site. Change or delete that one instead.`,
      'date',
      { reason: 'HOLIDAY_EXISTS', params: { date, name: '' } },
    );
  throw error;
};

export interface HolidayInput {
  /** "YYYY-MM-DD", in a year from 2000 to 2099. */
  date: string;
  name: string;
  kind: HolidayKind;
  /** The site it is kept at; null or left out for every site. */
  siteId?: number | null | undefined;
}

/**
 * Adds a holiday to the calendar, with its audit row, in one transaction.
 * @throws DomainError CONFLICT when the date already has a holiday of the same scope (one per site,
 * one company-wide); NOT_FOUND or INVALID for the site or the year (see checkPlace).
 */
export async function createHoliday(
  deps: Deps,
  admin: Actor,
  input: HolidayInput,
): Promise<HolidayView> {
  const siteId = input.siteId ?? null;
  const view = await deps.db
    .transaction(async (tx) => {
      await checkPlace(deps, { date: input.date, siteId }, tx);
      const holiday = await repos.holidays.create(
        deps.db,
        { date: input.date, name: input.name, kind: input.kind, siteId, source: 'manual' },
        tx,
      );
      const [created] = await holidayViews(deps, [holiday], tx);
      await writeAudit(
        deps,
        {
          actorId: admin.id,
          action: 'holiday.create',
          entityType: 'holiday',
          entityId: holiday.id,
          reason: 'created',
          before: null,
          after: created,
        },
        tx,
      );
      return created!;
    })
    .catch(clashOnCommit(input.date));
  await afterCommit(deps, { calendar: true });
  return view;
}

/** Finds a holiday in `tx`. @throws DomainError NOT_FOUND. */
async function findHoliday(deps: Pick<CoreDeps, 'db'>, id: number, tx: Tx): Promise<Holiday> {
  const holiday = await repos.holidays.byId(deps.db, id, tx);
  if (!holiday)
    throw new DomainError('NOT_FOUND', `There is no holiday with id ${id}.`, 'id', {
      reason: 'HOLIDAY_NOT_FOUND',
      params: { id: id },
    });
  return holiday;
}

/**
 * Changes a holiday's date, name, kind or site (`siteId: null` makes it company-wide).
 * @throws DomainError NOT_FOUND; CONFLICT, NOT_FOUND or INVALID as createHoliday.
 */
export async function updateHoliday(
  deps: Deps,
  admin: Actor,
  id: number,
  changes: HolidayChanges,
): Promise<HolidayView> {
  const defined = definedOnly(changes);
  const view = await deps.db
    .transaction(async (tx) => {
      const holiday = await findHoliday(deps, id, tx);
      const [before] = await holidayViews(deps, [holiday], tx);
      const siteId = defined.siteId !== undefined ? defined.siteId : holiday.siteId;
      await checkPlace(deps, { date: defined.date ?? holiday.date, siteId, except: holiday }, tx);
      await repos.holidays.update(holiday, defined, tx);
      const [after] = await holidayViews(deps, [holiday], tx);
      await writeAudit(
        deps,
        {
          actorId: admin.id,
          action: 'holiday.update',
          entityType: 'holiday',
          entityId: id,
          reason: 'updated',
          before,
          after,
        },
        tx,
      );
      return after!;
    })
    .catch(clashOnCommit(changes.date ?? 'that date'));
  await afterCommit(deps, { calendar: true });
  return view;
}

/**
 * Deletes a holiday; the audit row keeps what it was.
 * @throws DomainError NOT_FOUND.
 */
export async function deleteHoliday(
  deps: Deps,
  admin: Actor,
  id: number,
): Promise<{ deleted: HolidayView }> {
  const deleted = await deps.db.transaction(async (tx) => {
    const holiday = await findHoliday(deps, id, tx);
    const [before] = await holidayViews(deps, [holiday], tx);
    await repos.holidays.remove(holiday, tx);
    await writeAudit(
      deps,
      {
        actorId: admin.id,
        action: 'holiday.delete',
        entityType: 'holiday',
        entityId: id,
        reason: 'deleted',
        before,
        after: null,
      },
      tx,
    );
    return before!;
  });
  await afterCommit(deps, { calendar: true });
  return { deleted };
}

export interface ConfirmedHolidays {
  /** The proposals added to the calendar, company-wide, by date. */
  added: HolidayView[];
  /** The dates chosen that already had a company-wide holiday, left as they were. */
  skipped: { date: string; existing: NonNullable<HolidayProposal['existing']> }[];
}

/**
 * Adds the chosen national holidays of `year`, as proposed by `proposeHolidays`, to the calendar
 * for every site, each with its audit row, in one transaction. A date that already has a
 * company-wide holiday is left as it is and reported as skipped, so confirming twice adds nothing.
 * @throws DomainError INVALID for a year outside [2000, 2099], or naming `dates` when one of them
 * is not among the year's proposals.
 */
export async function confirmHolidays(
  deps: Deps,
  admin: Actor,
  input: { year: number; dates: readonly string[] },
): Promise<ConfirmedHolidays> {
  checkYear(input.year);
  const proposals = new Map(
    (await proposedNationalHolidays(input.year)).map((holiday) => [holiday.date, holiday]),
  );
  const chosen = [...new Set(input.dates)].sort();
  const unknown = chosen.filter((date) => !proposals.has(date));
  if (unknown.length > 0)
    throw new DomainError(
      'INVALID',
      `dates: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the national holidays proposed for ${input.year}`,
      'dates',
      { reason: 'NOT_PROPOSED_HOLIDAY', params: { dates: unknown.join(', '), year: input.year } },
    );
  const result = await deps.db
    .transaction(async (tx) => {
      const added: Holiday[] = [];
      const skipped: ConfirmedHolidays['skipped'] = [];
      for (const date of chosen) {
        const existing = await repos.holidays.onDate(deps.db, date, null, tx);
        if (existing) {
          skipped.push({
            date,
            existing: { id: existing.id, name: existing.name, kind: existing.kind },
          });
          continue;
        }
        const proposal = proposals.get(date)!;
        const holiday = await repos.holidays.create(
          deps.db,
          { ...proposal, siteId: null, source: 'proposed' },
          tx,
        );
        await writeAudit(
          deps,
          {
            actorId: admin.id,
            action: 'holiday.confirm',
            entityType: 'holiday',
            entityId: holiday.id,
            reason: `confirmed from the national holidays proposed for ${input.year}`,
            before: null,
            after: (await holidayViews(deps, [holiday], tx))[0],
          },
          tx,
        );
        added.push(holiday);
      }
      return { added: await holidayViews(deps, added, tx), skipped };
    })
    .catch(clashOnCommit('one of those dates'));
  await afterCommit(deps, { calendar: true });
  return result;
}
