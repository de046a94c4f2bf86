import type { Holiday, HolidayKind, HolidaySource } from '@absensi/db';

/** A day in the company calendar as clients see it. */
export interface HolidayView {
  id: number;
  /** "YYYY-MM-DD". */
  date: string;
  name: string;
  kind: HolidayKind;
  /** The site it is kept at, or null for every site. */
  siteId: number | null;
  siteName: string | null;
  source: HolidaySource;
  createdAt: string;
  updatedAt: string;
}

const iso = (date: Date) => new Date(date).toISOString();

/** The view of a holiday; `siteNames` gives the name of its site. */
export function holidayView(holiday: Holiday, siteNames: ReadonlyMap<number, string>): HolidayView {
  return {
    id: holiday.id,
    date: holiday.date,
    name: holiday.name,
    kind: holiday.kind,
    siteId: holiday.siteId,
    siteName: holiday.siteId === null ? null : (siteNames.get(holiday.siteId) ?? null),
    source: holiday.source,
    createdAt: iso(holiday.createdAt),
    updatedAt: iso(holiday.updatedAt),
  };
}
