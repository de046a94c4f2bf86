/**
 * Wall-clock times in a time zone and the instants they stand for, with Intl's zone data (a zone
 * Intl refuses is read as Asia/Jakarta, see usableZone).
 */
import { usableZone } from './usable-zone.js';

/** The offset of a zone from UTC at an instant, in milliseconds (Asia/Jakarta: +7 h). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: usableZone(timeZone),
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** A wall-clock time in a zone ('2026-11-24T08:00') as an instant. */
export function zonedToInstant(local: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) throw new RangeError(`not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  let instant = guess - zoneOffsetMs(guess, timeZone);
  instant = guess - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

/** An instant as the wall-clock value of a datetime-local input in a zone ('2026-11-24T08:00'). */
export function instantToZoned(iso: string | Date, timeZone: string): string {
  const instant = new Date(iso).getTime();
  const local = new Date(instant + zoneOffsetMs(instant, timeZone));
  return local.toISOString().slice(0, 16);
}

/** Today's date (YYYY-MM-DD) in a zone. */
export function localDateIn(now: Date, timeZone: string): string {
  return instantToZoned(now, timeZone).slice(0, 10);
}
