import { DateTime } from 'luxon';

/**
 * When a shift nobody closed is closed for its employee: the first time the local clock reads
 * `hour`:00 after the clock-in. A day shift begun at 07:58 with hour 23 closes at 23:00 that day;
 * a night shift begun at 23:30 closes at 23:00 the next day.
 */
export function autoClockOutAt(clockInAt: Date, timeZone: string, hour: number): Date {
  const start = DateTime.fromJSDate(clockInAt, { zone: timeZone });
  let candidate = start.set({ hour, minute: 0, second: 0, millisecond: 0 });
  if (candidate <= start) candidate = candidate.plus({ days: 1 }).set({ hour });
  return candidate.toJSDate();
}

/**
 * The latest instant at or before `now` when the local clock read `hour`:00. A shift is due for
 * auto clock-out exactly when it began before this instant (see forgottenShiftClosure), so the
 * database can pick the due shifts instead of every open one being loaded and checked.
 */
export function lastAutoClockOutBoundary(now: Date, timeZone: string, hour: number): Date {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  let boundary = local.set({ hour, minute: 0, second: 0, millisecond: 0 });
  if (boundary > local) boundary = boundary.minus({ days: 1 }).set({ hour });
  return boundary.toJSDate();
}

/** A forgotten shift becomes closed at its auto clock-out instant, marked `auto`, once that instant has passed. */
export function forgottenShiftClosure(
  clockInAt: Date,
  now: Date,
  timeZone: string,
  hour: number,
): { due: false } | { due: true; clockOutAt: Date; kind: 'auto' } {
  const closeAt = autoClockOutAt(clockInAt, timeZone, hour);
  return now >= closeAt ? { due: true, clockOutAt: closeAt, kind: 'auto' } : { due: false };
}

export function workedMinutes(clockInAt: Date, clockOutAt: Date): number {
  return Math.max(0, Math.round((clockOutAt.getTime() - clockInAt.getTime()) / 60_000));
}
