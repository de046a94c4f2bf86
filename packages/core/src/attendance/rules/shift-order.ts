/**
 * The order of one employee's shifts: where a tap goes so that shifts never overlap and a
 * clock-out is never before its clock-in, whatever order the taps arrive in. Pure: the use cases
 * read the employee's shifts (under a lock on the employee) and do what the plan says.
 *
 * A shift is the half-open span [clockInAt, clockOutAt); an open shift runs on without end.
 */

/** The longest a shift may last (24 hours): a longer one is a mistake, not a day's work. */
export const MAX_SHIFT_MS = 24 * 60 * 60_000;

export type ClockOutKind = 'manual' | 'auto' | 'correction' | 'deactivation';

export interface ShiftSpan {
  id: number;
  clockInAt: Date;
  /** null while the shift is open. */
  clockOutAt: Date | null;
  clockOutKind: ClockOutKind | null;
}

export type ClockInPlan =
  /** Open a shift at the tap. */
  | { kind: 'open' }
  /**
   * A tap synced after a later shift was recorded: the shift it began ends, marked automatic, at
   * its auto clock-out time or where the later shift begins, whichever is first; its own clock-out
   * tap, when it arrives, replaces that end.
   */
  | { kind: 'closed'; clockOutAt: Date }
  /** already_open: the tap falls in a shift still open; inside: in a closed one. */
  | { kind: 'refused'; reason: 'already_open' | 'inside'; shift: ShiftSpan };

export type ClockOutPlan =
  /** Close the open shift at the tap. */
  | { kind: 'close'; shift: ShiftSpan }
  /** The shift was closed by auto clock-out: the real tap replaces the automatic end. */
  | { kind: 'replace_auto'; shift: ShiftSpan }
  /**
   * not_clocked_in: no shift began at or before the tap; closed: the shift the tap belongs to was
   * already closed (by the employee, an admin or a deactivation); too_long: replacing the
   * automatic end would make the shift longer than MAX_SHIFT_MS.
   */
  | { kind: 'refused'; reason: 'not_clocked_in' | 'closed' | 'too_long'; shift: ShiftSpan | null };

const endOf = (shift: ShiftSpan) => shift.clockOutAt?.getTime() ?? Number.POSITIVE_INFINITY;

/** The shift whose span holds the instant, if any. */
export function shiftAt(shifts: readonly ShiftSpan[], at: Date): ShiftSpan | null {
  const instant = at.getTime();
  return (
    shifts.find((shift) => shift.clockInAt.getTime() <= instant && instant < endOf(shift)) ?? null
  );
}

/**
 * Where a clock-in at `at` goes among the employee's shifts. `autoClockOutAt` is when a shift begun
 * at `at` would be closed automatically (see autoClockOutAt). Only a tap kept offline can belong
 * before a shift already recorded; an online tap that lands just before one (two taps racing, a
 * few milliseconds apart) is that shift's clock-in again.
 */
export function planClockIn(
  shifts: readonly ShiftSpan[],
  at: Date,
  autoClockOutAt: Date,
  source: 'online' | 'offline',
): ClockInPlan {
  const holding = shiftAt(shifts, at);
  if (holding)
    return {
      kind: 'refused',
      reason: holding.clockOutAt === null ? 'already_open' : 'inside',
      shift: holding,
    };
  const later = shifts
    .filter((shift) => shift.clockInAt > at)
    .sort((a, b) => a.clockInAt.getTime() - b.clockInAt.getTime())[0];
  if (!later) return { kind: 'open' };
  if (source === 'online')
    return {
      kind: 'refused',
      reason: later.clockOutAt === null ? 'already_open' : 'inside',
      shift: later,
    };
  const end = Math.min(autoClockOutAt.getTime(), later.clockInAt.getTime());
  return { kind: 'closed', clockOutAt: new Date(end) };
}

/** Where a clock-out at `at` goes: the latest shift begun at or before it. */
export function planClockOut(shifts: readonly ShiftSpan[], at: Date): ClockOutPlan {
  const instant = at.getTime();
  const own = shifts
    .filter((shift) => shift.clockInAt.getTime() <= instant)
    .sort((a, b) => b.clockInAt.getTime() - a.clockInAt.getTime())[0];
  if (!own) return { kind: 'refused', reason: 'not_clocked_in', shift: null };
  if (own.clockOutAt === null) return { kind: 'close', shift: own };
  if (own.clockOutKind !== 'auto') return { kind: 'refused', reason: 'closed', shift: own };
  if (instant - own.clockInAt.getTime() > MAX_SHIFT_MS)
    return { kind: 'refused', reason: 'too_long', shift: own };
  return { kind: 'replace_auto', shift: own };
}

/**
 * Whether a shift [clockInAt, clockOutAt) (open when clockOutAt is null) may stand among the others
 * (`shifts` without itself): the first it would overlap, or null.
 */
export function overlapping(
  shifts: readonly ShiftSpan[],
  span: { clockInAt: Date; clockOutAt: Date | null },
): ShiftSpan | null {
  const start = span.clockInAt.getTime();
  const end = span.clockOutAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return shifts.find((shift) => shift.clockInAt.getTime() < end && start < endOf(shift)) ?? null;
}
