import { describe, expect, it } from 'vitest';
import type { StatusValues } from '@absensi/db';
import { emptyTotals, totalsOf } from './rules.js';

const day = (changes: Partial<StatusValues>): StatusValues => ({
  userId: 1,
  workDate: '2025-03-03',
  status: 'present',
  code: 'H',
  plan: 'work',
  shiftTypeId: 1,
  leaveTypeId: null,
  leaveDays: 0,
  lateMinutes: 0,
  earlyLeaveMinutes: 0,
  workedMinutes: 480,
  overtimeMinutes: 0,
  overtimeWeightedHours: 0,
  overDailyLimit: false,
  overWeeklyLimit: false,
  ...changes,
});
const categories = new Map([
  [1, 'annual'],
  [2, 'sick'],
] as const);
const categoryOf = (id: number | null) =>
  id === null ? 'other' : (categories.get(id as 1 | 2) ?? 'other');

describe('the recap totals', () => {
  it('are all zero for nobody', () => {
    expect(totalsOf([], categoryOf)).toEqual(emptyTotals());
  });

  it.each([
    ['present', day({}), { scheduledDays: 1, presentDays: 1, workedMinutes: 480 }],
    [
      'late',
      day({ status: 'late', lateMinutes: 20 }),
      { scheduledDays: 1, presentDays: 1, lateDays: 1, lateMinutes: 20, workedMinutes: 480 },
    ],
    [
      'late and early',
      day({ status: 'late_early_leave', lateMinutes: 5, earlyLeaveMinutes: 30 }),
      {
        scheduledDays: 1,
        presentDays: 1,
        lateDays: 1,
        lateMinutes: 5,
        earlyLeaveDays: 1,
        earlyLeaveMinutes: 30,
        workedMinutes: 480,
      },
    ],
    ['absent', day({ status: 'absent', workedMinutes: 0 }), { scheduledDays: 1, absentDays: 1 }],
    [
      'sick leave',
      day({ status: 'leave', leaveTypeId: 2, leaveDays: 1, workedMinutes: 0 }),
      { scheduledDays: 1, leaveDays: { ...emptyTotals().leaveDays, sick: 1 } },
    ],
    [
      'half a day of annual leave, the other half worked',
      day({ leaveTypeId: 1, leaveDays: 0.5, workedMinutes: 240 }),
      {
        scheduledDays: 1,
        presentDays: 1,
        workedMinutes: 240,
        leaveDays: { ...emptyTotals().leaveDays, annual: 0.5 },
      },
    ],
    [
      'half a day of annual leave, the other half not worked',
      day({ status: 'absent', code: 'A', leaveTypeId: 1, leaveDays: 0.5, workedMinutes: 0 }),
      {
        scheduledDays: 1,
        absentDays: 0.5,
        leaveDays: { ...emptyTotals().leaveDays, annual: 0.5 },
      },
    ],
    ['holiday', day({ status: 'holiday', plan: 'holiday', workedMinutes: 0 }), { holidayDays: 1 }],
    ['off', day({ status: 'off', plan: 'off', workedMinutes: 0 }), { offDays: 1 }],
    [
      'a holiday worked with overtime past the limit',
      day({
        status: 'unscheduled_work',
        plan: 'holiday',
        overtimeMinutes: 300,
        overtimeWeightedHours: 10,
        overDailyLimit: true,
      }),
      {
        unscheduledWorkDays: 1,
        workedMinutes: 480,
        overtimeMinutes: 300,
        overtimeWeightedHours: 10,
        overtimeOverLimitDays: 1,
      },
    ],
  ])('count %s', (_name, status, expected) => {
    expect(totalsOf([status], categoryOf)).toEqual({ ...emptyTotals(), ...expected });
  });

  it('adds weighted hours without floating-point dust', () => {
    const days = Array.from({ length: 10 }, () =>
      day({ overtimeMinutes: 6, overtimeWeightedHours: 0.1 }),
    );
    expect(totalsOf(days, categoryOf).overtimeWeightedHours).toBe(1);
  });
});
