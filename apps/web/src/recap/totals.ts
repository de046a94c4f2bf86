import type { Outputs } from '../api/types';
import type { Formatters } from '../i18n/format';
import type { RequestMessageKey } from '../requests/messages';

export type MonthRecap = Outputs['admin']['recap']['month'];
export type RecapTotals = MonthRecap['people'][number]['totals'];

/** The recap's totals in the order payroll reads them: a label and the figure as shown. */
export const TOTAL_COLUMNS: [RequestMessageKey, (t: RecapTotals, f: Formatters) => string][] = [
  ['tScheduled', (t, f) => f.number(t.scheduledDays)],
  ['tPresent', (t, f) => f.number(t.presentDays)],
  ['tLate', (t, f) => f.number(t.lateDays)],
  ['tLateMinutes', (t, f) => f.number(t.lateMinutes)],
  ['tEarly', (t, f) => f.number(t.earlyLeaveDays)],
  ['tEarlyMinutes', (t, f) => f.number(t.earlyLeaveMinutes)],
  ['tAbsent', (t, f) => f.number(t.absentDays)],
  ['tAnnual', (t, f) => f.number(t.leaveDays.annual)],
  ['tSick', (t, f) => f.number(t.leaveDays.sick)],
  ['tPermit', (t, f) => f.number(t.leaveDays.permit + t.leaveDays.other)],
  ['tTravel', (t, f) => f.number(t.leaveDays.business_travel)],
  ['tHoliday', (t, f) => f.number(t.holidayDays)],
  ['tOff', (t, f) => f.number(t.offDays)],
  ['tUnscheduled', (t, f) => f.number(t.unscheduledWorkDays)],
  ['tWorked', (t, f) => f.duration(t.workedMinutes)],
  ['tOvertime', (t, f) => f.duration(t.overtimeMinutes)],
  ['tWeighted', (t, f) => f.number(t.overtimeWeightedHours)],
  ['tOverLimit', (t, f) => f.number(t.overtimeOverLimitDays)],
];
