import { describe, expect, it } from 'vitest';
import { dailyStatus, type LeaveOnDate, type RecordedShift } from './rules.js';

const shift = (changes: Partial<RecordedShift> = {}): RecordedShift => ({
  status: 'on_time',
  lateMinutes: 0,
  earlyLeaveMinutes: 0,
  workedMinutes: 480,
  ...changes,
});
/** Half of a 08:00–17:00 shift. */
const HALF = 270;
const sick: LeaveOnDate = { typeCode: 'SAKIT', category: 'sick', part: 'full' };
const morningOff: LeaveOnDate = { typeCode: 'IZIN', category: 'permit', part: 'first_half' };
const afternoonOff: LeaveOnDate = { typeCode: 'CUTI', category: 'annual', part: 'second_half' };

describe('the daily status', () => {
  it.each([
    ['on time, whole shift', 'work', [shift()], null, 'present', 'H'],
    ['late', 'work', [shift({ status: 'late', lateMinutes: 12 })], null, 'late', 'T'],
    ['left early', 'work', [shift({ earlyLeaveMinutes: 30 })], null, 'early_leave', 'PC'],
    [
      'late and left early',
      'work',
      [shift({ lateMinutes: 5, earlyLeaveMinutes: 30 })],
      null,
      'late_early_leave',
      'TP',
    ],
    ['nothing recorded, day over', 'work', [], null, 'absent', 'A'],
    ['nothing recorded, day not over', 'work', [], null, 'pending', ''],
    ['sick, whole day', 'work', [], sick, 'leave', 'S'],
    ['a holiday', 'holiday', [], null, 'holiday', 'L'],
    ['a day off', 'off', [], null, 'off', 'O'],
    [
      'a holiday worked',
      'holiday',
      [shift({ status: 'unscheduled' })],
      null,
      'unscheduled_work',
      'K',
    ],
    ['a day off worked', 'off', [shift({ status: 'unscheduled' })], null, 'unscheduled_work', 'K'],
    [
      'late, with the morning off (half-day permit)',
      'work',
      [shift({ lateMinutes: 240 })],
      morningOff,
      'present',
      'H',
    ],
    [
      'left at noon, with the afternoon off (half-day leave)',
      'work',
      [shift({ earlyLeaveMinutes: 240 })],
      afternoonOff,
      'present',
      'H',
    ],
    [
      'arrived after mid-shift, with the morning off: late from mid-shift',
      'work',
      [shift({ status: 'late', lateMinutes: 300 })],
      morningOff,
      'late',
      'T',
    ],
    [
      'left before mid-shift, with the afternoon off: early from mid-shift',
      'work',
      [shift({ earlyLeaveMinutes: 280 })],
      afternoonOff,
      'early_leave',
      'PC',
    ],
    ['half a day of leave, the other half not worked', 'work', [], afternoonOff, 'absent', 'A'],
    ['sick on a holiday: the holiday', 'holiday', [], sick, 'holiday', 'L'],
    [
      'still at work (open shift): no early leave yet',
      'work',
      [shift({ workedMinutes: null, earlyLeaveMinutes: 0 })],
      null,
      'present',
      'H',
    ],
  ] as const)('%s', (_case, plan, shifts, leave, status, code) => {
    const dayOver = _case !== 'nothing recorded, day not over';
    expect(dailyStatus({ plan, shifts, leave, dayOver, halfShiftMinutes: HALF })).toMatchObject({
      status,
      code,
    });
  });

  it.each([
    ['a whole day of leave', [], sick, 1, 0],
    ['half a day of leave, the other half worked', [shift()], morningOff, 0.5, 0],
    ['half a day of leave, the other half not worked', [], afternoonOff, 0.5, 0],
    ['a whole day of leave on a day worked: a day worked', [shift()], sick, 0, 0],
    [
      'late past mid-shift with the morning off',
      [shift({ lateMinutes: 290 })],
      morningOff,
      0.5,
      20,
    ],
  ] as const)('%s: leave share and lateness', (_case, shifts, leave, leaveDays, lateMinutes) => {
    expect(
      dailyStatus({ plan: 'work', shifts, leave, dayOver: true, halfShiftMinutes: HALF }),
    ).toMatchObject({ leaveDays, lateMinutes });
  });

  it('has no status for an unscheduled date with nothing recorded', () => {
    expect(
      dailyStatus({
        plan: 'unscheduled',
        shifts: [],
        leave: null,
        dayOver: true,
        halfShiftMinutes: HALF,
      }),
    ).toBeNull();
  });

  it('turns alpa into present when an approved correction adds the missing shift', () => {
    expect(
      dailyStatus({ plan: 'work', shifts: [], leave: null, dayOver: true, halfShiftMinutes: HALF })
        ?.code,
    ).toBe('A');
    expect(
      dailyStatus({
        plan: 'work',
        shifts: [shift()],
        leave: null,
        dayOver: true,
        halfShiftMinutes: HALF,
      })?.code,
    ).toBe('H');
  });

  it('takes the lateness of the first shift and the early leave of the last, and sums the work', () => {
    const day = dailyStatus({
      plan: 'work',
      shifts: [
        shift({ lateMinutes: 7, earlyLeaveMinutes: 200, workedMinutes: 180 }),
        shift({ lateMinutes: 0, earlyLeaveMinutes: 0, workedMinutes: 240 }),
      ],
      leave: null,
      dayOver: true,
      halfShiftMinutes: HALF,
    });
    expect(day).toMatchObject({
      status: 'late',
      lateMinutes: 7,
      earlyLeaveMinutes: 0,
      workedMinutes: 420,
    });
  });
});
