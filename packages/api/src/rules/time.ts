import { DateTime } from 'luxon';

/** "YYYY-MM-DD" of an instant in a time zone: the calendar day a person there would name. */
export function workDateOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;
}

/** The instant at a local wall-clock time ("HH:MM") on a local date, in a time zone. */
export function localInstant(date: string, time: string, timeZone: string): Date {
  const moment = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!moment.isValid) throw new RangeError(`Invalid local time ${date} ${time} in ${timeZone}`);
  return moment.toJSDate();
}

/** Local hour (0-23) of an instant in a time zone. */
export function localHour(instant: Date, timeZone: string): number {
  return DateTime.fromJSDate(instant, { zone: timeZone }).hour;
}

/** First and last day ("YYYY-MM-DD") of a month given as "YYYY-MM". */
export function monthBounds(month: string): { from: string; to: string } {
  const start = DateTime.fromISO(`${month}-01`, { zone: 'UTC' });
  if (!start.isValid) throw new RangeError(`Invalid month ${month}`);
  return { from: start.toISODate(), to: start.endOf('month').toISODate() };
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
