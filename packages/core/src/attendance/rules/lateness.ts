/** Lateness and early leave against a scheduled shift: rules that decide pay. */

export type Lateness =
  { status: 'on_time'; lateMinutes: 0 } | { status: 'late'; lateMinutes: number };

/**
 * Whether a clock-in at `at` is late for a shift starting at `start`: later than the start plus the
 * grace minutes. A late clock-in counts its minutes from the start, not from the grace (whole
 * minutes, rounded down).
 */
export function latenessAgainst(at: Date, start: Date, graceMinutes: number): Lateness {
  const minutesAfterStart = Math.floor((at.getTime() - start.getTime()) / 60_000);
  if (minutesAfterStart <= graceMinutes) return { status: 'on_time', lateMinutes: 0 };
  return { status: 'late', lateMinutes: minutesAfterStart };
}

/**
 * Minutes of early leave of a clock-out at `at` for a shift ending at `end`: the minutes before the
 * end (rounded down) when more than the grace, else 0.
 */
export function earlyLeaveMinutes(at: Date, end: Date, graceMinutes: number): number {
  const minutesBeforeEnd = Math.floor((end.getTime() - at.getTime()) / 60_000);
  return minutesBeforeEnd > graceMinutes ? minutesBeforeEnd : 0;
}
