import { LRUCache } from 'lru-cache';
import { DateTime } from 'luxon';

/** "YYYY-MM-DD" of an instant in a time zone: the calendar day a person there would name. */
export function workDateOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;
}

// The same few (date, shift start, zone) triples are asked for on every clock-in of a day, and
// resolving one costs luxon several Intl offset lookups: remembered, as the answer never changes.
const localInstants = new LRUCache<string, number>({ max: 2_000 });

/** The instant at a local wall-clock time ("HH:MM") on a local date, in a time zone. */
export function localInstant(date: string, time: string, timeZone: string): Date {
  const key = `${date}T${time}|${timeZone}`;
  let epochMs = localInstants.get(key);
  if (epochMs === undefined) {
    const moment = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
    if (!moment.isValid) throw new RangeError(`Invalid local time ${date} ${time} in ${timeZone}`);
    epochMs = moment.toMillis();
    localInstants.set(key, epochMs);
  }
  return new Date(epochMs);
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
