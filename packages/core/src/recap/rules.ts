/**
 * The month's recap (*rekap absensi*) from daily statuses: one code per person per date and the
 * totals payroll reads. Pure.
 */
import type { StatusValues } from '@absensi/db';
import { LEAVE_CATEGORIES, type LeaveCategory } from '../status/rules.js';

export interface RecapTotals {
  /** Dates the person was scheduled to work (leave days included, holidays and off days not). */
  scheduledDays: number;
  /** Days worked on schedule: on time, late, early leave or both. */
  presentDays: number;
  lateDays: number;
  lateMinutes: number;
  earlyLeaveDays: number;
  earlyLeaveMinutes: number;
  /** Scheduled, not worked, no leave (*alpa*); half a day beside a half-day leave. */
  absentDays: number;
  /** Leave days by category, half a day for each half-day leave (worked or not). */
  leaveDays: Record<LeaveCategory, number>;
  holidayDays: number;
  offDays: number;
  /** Worked on an off day, a holiday or without a schedule. */
  unscheduledWorkDays: number;
  workedMinutes: number;
  overtimeMinutes: number;
  /** Hours weighted by the overtime rule set: what payroll multiplies by the hourly wage. */
  overtimeWeightedHours: number;
  /** Days whose overtime passed a legal limit (4 hours a day, 18 a week). */
  overtimeOverLimitDays: number;
}

const PRESENT = new Set(['present', 'late', 'early_leave', 'late_early_leave']);

export function emptyTotals(): RecapTotals {
  return {
    scheduledDays: 0,
    presentDays: 0,
    lateDays: 0,
    lateMinutes: 0,
    earlyLeaveDays: 0,
    earlyLeaveMinutes: 0,
    absentDays: 0,
    leaveDays: Object.fromEntries(LEAVE_CATEGORIES.map((c) => [c, 0])) as Record<
      LeaveCategory,
      number
    >,
    holidayDays: 0,
    offDays: 0,
    unscheduledWorkDays: 0,
    workedMinutes: 0,
    overtimeMinutes: 0,
    overtimeWeightedHours: 0,
    overtimeOverLimitDays: 0,
  };
}

/** The totals of one person's statuses (each a different date). */
export function totalsOf(
  statuses: readonly StatusValues[],
  categoryOf: (leaveTypeId: number | null) => LeaveCategory,
): RecapTotals {
  const totals = emptyTotals();
  for (const day of statuses) {
    if (day.plan === 'work') totals.scheduledDays += 1;
    if (PRESENT.has(day.status)) totals.presentDays += 1;
    if (day.status === 'late' || day.status === 'late_early_leave') totals.lateDays += 1;
    if (day.status === 'early_leave' || day.status === 'late_early_leave')
      totals.earlyLeaveDays += 1;
    totals.lateMinutes += day.lateMinutes;
    totals.earlyLeaveMinutes += day.earlyLeaveMinutes;
    if (day.status === 'absent') totals.absentDays += 1 - day.leaveDays;
    if (day.leaveDays > 0) totals.leaveDays[categoryOf(day.leaveTypeId)] += day.leaveDays;
    if (day.status === 'holiday') totals.holidayDays += 1;
    if (day.status === 'off') totals.offDays += 1;
    if (day.status === 'unscheduled_work') totals.unscheduledWorkDays += 1;
    totals.workedMinutes += day.workedMinutes;
    totals.overtimeMinutes += day.overtimeMinutes;
    totals.overtimeWeightedHours += day.overtimeWeightedHours;
    if (day.overDailyLimit || day.overWeeklyLimit) totals.overtimeOverLimitDays += 1;
  }
  totals.overtimeWeightedHours = Math.round(totals.overtimeWeightedHours * 1000) / 1000;
  return totals;
}

/** The legend of the grid's codes, as HR writes them. */
export const RECAP_LEGEND = [
  { code: 'H', status: 'present' },
  { code: 'T', status: 'late' },
  { code: 'PC', status: 'early_leave' },
  { code: 'TP', status: 'late_early_leave' },
  { code: 'A', status: 'absent' },
  { code: 'S', status: 'sick' },
  { code: 'I', status: 'permit' },
  { code: 'C', status: 'annual_leave' },
  { code: 'DL', status: 'business_travel' },
  { code: 'L', status: 'holiday' },
  { code: 'O', status: 'off' },
  { code: 'K', status: 'unscheduled_work' },
] as const;
