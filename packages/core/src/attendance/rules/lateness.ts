import { localInstant } from './time.js';

export interface ShiftPolicy {
  timeZone: string;
  /** Local shift start "HH:MM". */
  shiftStart: string;
  graceMinutes: number;
}

export type Lateness =
  { status: 'on_time'; lateMinutes: 0 } | { status: 'late'; lateMinutes: number };

/**
 * Whether a clock-in at `tapAt`, on work date `workDate`, is late: later than the shift start plus
 * the grace minutes. A late clock-in counts its minutes from the shift start, not from the grace.
 */
export function lateness(tapAt: Date, workDate: string, policy: ShiftPolicy): Lateness {
  const start = localInstant(workDate, policy.shiftStart, policy.timeZone).getTime();
  const minutesAfterStart = Math.floor((tapAt.getTime() - start) / 60_000);
  if (minutesAfterStart <= policy.graceMinutes) return { status: 'on_time', lateMinutes: 0 };
  return { status: 'late', lateMinutes: minutesAfterStart };
}
