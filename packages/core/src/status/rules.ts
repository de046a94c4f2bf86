/**
 * The daily status of one person for one work date, from their plan (schedule, roster, holidays),
 * the shifts they recorded for that date and the leave approved for it. Pure: a rule that decides
 * pay; the recap counts these. Codes as HR writes them in the monthly rekap absensi.
 */

/** What an approved request says about a date. */
export interface LeaveOnDate {
  /** The leave type's code, e.g. CUTI, SAKIT, IZIN, DINAS. */
  typeCode: string;
  /** What kind of absence it is, for the recap's columns. */
  category: LeaveCategory;
  /** The whole day, or one half of the shift (which excuses lateness, or early leave). */
  part: 'full' | 'first_half' | 'second_half';
}

export const LEAVE_CATEGORIES = ['annual', 'sick', 'permit', 'business_travel', 'other'] as const;
export type LeaveCategory = (typeof LEAVE_CATEGORIES)[number];

export interface RecordedShift {
  status: 'on_time' | 'late' | 'unscheduled';
  lateMinutes: number;
  earlyLeaveMinutes: number;
  /** Null while open. */
  workedMinutes: number | null;
}

export type PlanKind = 'work' | 'off' | 'holiday' | 'unscheduled';

export const DAILY_STATUSES = [
  'present',
  'late',
  'early_leave',
  'late_early_leave',
  'absent',
  'leave',
  'holiday',
  'off',
  'unscheduled_work',
  'pending',
] as const;
export type DailyStatus = (typeof DAILY_STATUSES)[number];

/** The recap's one-letter (or two) code of each status; leave by category. */
export const STATUS_CODES = {
  present: 'H',
  late: 'T',
  early_leave: 'PC',
  late_early_leave: 'TP',
  absent: 'A',
  holiday: 'L',
  off: 'O',
  unscheduled_work: 'K',
  pending: '',
} as const satisfies Record<Exclude<DailyStatus, 'leave'>, string>;
export const LEAVE_CODES = {
  annual: 'C',
  sick: 'S',
  permit: 'I',
  business_travel: 'DL',
  other: 'I',
} as const satisfies Record<LeaveCategory, string>;

export interface DayStatus {
  status: DailyStatus;
  /** The recap code (H, T, PC, TP, A, S, I, C, DL, L, O, K), '' while the day is not over. */
  code: string;
  leave: LeaveOnDate | null;
  /**
   * The share of the date spent on approved leave: 1 for a full-day leave not worked, 0.5 for a
   * half-day leave, 0 otherwise (a full-day leave on a day worked counts as a day worked).
   */
  leaveDays: number;
  /** Minutes late of the first clock-in (from mid-shift with a first-half leave). */
  lateMinutes: number;
  /** Minutes left early at the last clock-out (before mid-shift with a second-half leave). */
  earlyLeaveMinutes: number;
  /** Minutes worked in the date's closed shifts. */
  workedMinutes: number;
}

/**
 * The status of a date. Worked on a work day: present, late, early leave or both; a half-day leave
 * moves the expected arrival (first half off) or departure (second half off) to mid-shift, so only
 * lateness past mid-shift, or leaving before it, counts. Worked on an off day, a holiday or with no
 * schedule: unscheduled work. Not worked: the approved full-day leave (by type), a holiday, an off
 * day; on a work day with no leave, absent (alpa) once the day is over, pending before. A half-day
 * leave on a work day not worked is half leave and half absence: status absent, `leaveDays` 0.5.
 * An unscheduled date with nothing recorded has no status (null): no row for it.
 */
export function dailyStatus(input: {
  plan: PlanKind;
  shifts: readonly RecordedShift[];
  leave: LeaveOnDate | null;
  /** The shift's day is over (its end and auto clock-out allowance have passed). */
  dayOver: boolean;
  /** Half the scheduled shift's length, in minutes: where a half-day leave ends or starts. */
  halfShiftMinutes: number;
}): DayStatus | null {
  const { plan, shifts } = input;
  const leave = plan === 'work' ? input.leave : null;
  const halfDay = leave !== null && leave.part !== 'full';
  const workedMinutes = shifts.reduce((sum, shift) => sum + (shift.workedMinutes ?? 0), 0);
  const base = {
    leave,
    leaveDays: halfDay ? 0.5 : 0,
    workedMinutes,
    lateMinutes: 0,
    earlyLeaveMinutes: 0,
  };
  const as = (status: Exclude<DailyStatus, 'leave'>): DayStatus => ({
    ...base,
    status,
    code: STATUS_CODES[status],
  });
  if (shifts.length === 0) {
    if (plan === 'unscheduled') return null;
    if (leave && !halfDay)
      return { ...base, leaveDays: 1, status: 'leave', code: LEAVE_CODES[leave.category] };
    if (plan === 'holiday') return as('holiday');
    if (plan === 'off') return as('off');
    return input.dayOver ? as('absent') : as('pending');
  }
  if (plan !== 'work') return as('unscheduled_work');
  const first = shifts[0]!;
  const last = shifts[shifts.length - 1]!;
  const excused = (minutes: number, part: LeaveOnDate['part']) =>
    leave?.part === part ? Math.max(0, minutes - input.halfShiftMinutes) : minutes;
  const lateMinutes = excused(first.lateMinutes, 'first_half');
  const earlyLeaveMinutes =
    last.workedMinutes === null ? 0 : excused(last.earlyLeaveMinutes, 'second_half');
  const status: Exclude<DailyStatus, 'leave'> =
    lateMinutes > 0
      ? earlyLeaveMinutes > 0
        ? 'late_early_leave'
        : 'late'
      : earlyLeaveMinutes > 0
        ? 'early_leave'
        : 'present';
  return { ...as(status), lateMinutes, earlyLeaveMinutes };
}
