/**
 * The holiday calendar's rules: which holiday falls on a day at a site, and the national holidays
 * of Indonesia for a year as the `date-holidays` library knows them, proposed for an admin to
 * confirm. Dates are calendar days, "YYYY-MM-DD".
 */
import type { HolidayKind } from '@absensi/db';

/** What the calendar rules need of a holiday. */
export interface CalendarDay {
  /** "YYYY-MM-DD". */
  date: string;
  /** The site it is kept at, or null for every site. */
  siteId: number | null;
}

/**
 * The holiday on `date` at the site `siteId`: the site's own holiday if it has one that day, else
 * the company-wide one, else null. With `siteId` null (an employee with no site), only a
 * company-wide holiday counts.
 */
export function holidayOn<H extends CalendarDay>(
  date: string,
  siteId: number | null,
  holidays: readonly H[],
): H | null {
  let companyWide: H | null = null;
  for (const holiday of holidays) {
    if (holiday.date !== date) continue;
    if (siteId !== null && holiday.siteId === siteId) return holiday;
    if (holiday.siteId === null) companyWide ??= holiday;
  }
  return companyWide;
}

/** The first and last year a holiday may fall in, and the calendar proposes for. */
export const FIRST_HOLIDAY_YEAR = 2000;
export const LAST_HOLIDAY_YEAR = 2099;

/** A national holiday as proposed from the library, before an admin confirms it. */
export interface ProposedHoliday {
  date: string;
  /** In Indonesian when the library has the name in Indonesian, else in English. */
  name: string;
  kind: Extract<HolidayKind, 'national'>;
}

/**
 * Names the library has wrong in Indonesian, by its rule: 27 Rajab is Isra Mikraj (the Prophet's
 * night journey); the library's Indonesian data calls it Maulid, the name of 12 Rabiul Awal.
 */
const NAME_CORRECTIONS: Readonly<Record<string, string>> = {
  '27 Rajab': 'Isra Mikraj Nabi Muhammad',
};

interface LibraryHoliday {
  date: string;
  name: string;
  type: string;
  rule: string;
}

interface HolidayCalendar {
  getHolidays(year: number, language?: string): LibraryHoliday[];
  getLanguages(): string[];
}

let indonesia: Promise<HolidayCalendar> | undefined;

/**
 * Indonesia's calendar from `date-holidays`, loaded on first use: the library carries every
 * country's data and takes seconds to load on a busy machine, which no process should pay at start.
 */
function indonesianCalendar(): Promise<HolidayCalendar> {
  indonesia ??= import('date-holidays').then(({ default: Holidays }) => new Holidays('ID'));
  return indonesia;
}

const proposals = new Map<number, Promise<ProposedHoliday[]>>();

/**
 * Indonesia's national holidays (*hari libur nasional*) in `year`, by date, as `date-holidays`
 * computes them: fixed dates, Easter-based days, and the Islamic, Chinese, Balinese and Buddhist
 * ones. Two holidays on one date become one proposal with both names ("A / B"). Collective leave
 * (*cuti bersama*) is decreed each year and not in the library: admins add it themselves.
 * @throws RangeError for a year that is not a whole number in [2000, 2099].
 */
export function proposedNationalHolidays(year: number): Promise<ProposedHoliday[]> {
  if (!Number.isInteger(year) || year < FIRST_HOLIDAY_YEAR || year > LAST_HOLIDAY_YEAR)
    return Promise.reject(
      new RangeError(
        `year must be a whole number from ${FIRST_HOLIDAY_YEAR} to ${LAST_HOLIDAY_YEAR}`,
      ),
    );
  let proposed = proposals.get(year);
  if (!proposed) {
    proposed = indonesianCalendar().then((calendar) => {
      const language = calendar.getLanguages().includes('id') ? 'id' : 'en';
      const byDate = new Map<string, string[]>();
      for (const holiday of calendar.getHolidays(year, language)) {
        if (holiday.type !== 'public') continue;
        // The library's date is local to Indonesia ("2026-03-20 00:00:00 -0600" for a day that
        // begins at the previous sunset): its first ten characters are the calendar day.
        const date = holiday.date.slice(0, 10);
        if (!date.startsWith(`${year}-`)) continue;
        const name =
          (language === 'id' ? NAME_CORRECTIONS[holiday.rule] : undefined) ?? holiday.name;
        const names = byDate.get(date) ?? [];
        if (!names.includes(name)) names.push(name);
        byDate.set(date, names);
      }
      return [...byDate.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([date, names]) => ({ date, name: names.join(' / '), kind: 'national' as const }));
    });
    proposed.catch(() => proposals.delete(year));
    proposals.set(year, proposed);
  }
  return proposed.then((list) => list.map((holiday) => ({ ...holiday })));
}
