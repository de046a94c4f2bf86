import { describe, expect, it } from 'vitest';
import { autoClockOutAt } from '../attendance/rules/index.js';
import {
  assignmentFor,
  dayIndex,
  datesAround,
  planDay,
  shiftForClockIn,
  shiftWindow,
  type PatternRule,
  type PlanningRules,
  type ShiftTypeRule,
} from './rules.js';

const shiftType = (
  id: number,
  code: string,
  startTime: string,
  endTime: string,
): ShiftTypeRule => ({
  id,
  name: code,
  code,
  color: '#000000',
  overtimeMinimumMinutes: 30,
  overtimeRoundingMinutes: 15,
  startTime,
  endTime,
  lateGraceMinutes: 10,
  earlyLeaveGraceMinutes: 0,
  breakMinutes: 60,
  autoClockOutAfterMinutes: 120,
});
const morning = shiftType(1, 'P', '07:00', '15:00');
const night = shiftType(2, 'M', '22:00', '06:00');
const office = shiftType(3, 'K', '08:00', '17:00');

const weekdays: PatternRule = {
  id: 10,
  kind: 'weekly',
  cycleDays: 7,
  anchorDate: null,
  days: [3, 3, 3, 3, 3, null, null],
};
// Two mornings, two nights, two off: the security team's cycle, starting on Monday 2026-11-23.
const rotation: PatternRule = {
  id: 11,
  kind: 'rotating',
  cycleDays: 6,
  anchorDate: '2026-11-23',
  days: [1, 1, 2, 2, null, null],
};
const rules: PlanningRules = {
  shiftTypes: new Map([morning, night, office].map((type) => [type.id, type])),
  patterns: new Map([weekdays, rotation].map((pattern) => [pattern.id, pattern])),
  assignments: [
    { scheduleId: 10, userId: null, department: null, validFrom: '2000-01-01', validTo: null },
    {
      scheduleId: 11,
      userId: null,
      department: 'Keamanan',
      validFrom: '2026-11-01',
      validTo: null,
    },
  ],
  holidays: [],
};
const clerk = { id: 1, department: 'Kantor' };
const guard = { id: 2, department: 'Keamanan' };
const plan = (date: string, person = clerk, extra = {}) => planDay(date, person, rules, extra);
const codeOf = (date: string, person = guard) => {
  const day = plan(date, person);
  return day.kind === 'work' ? day.shiftType.code : day.kind;
};

describe('the day of a pattern', () => {
  it('counts weekly patterns from Monday and rotating ones from their anchor, before it too', () => {
    expect(dayIndex(weekdays, '2026-11-23')).toBe(0); // Monday
    expect(dayIndex(weekdays, '2026-11-29')).toBe(6); // Sunday
    expect(dayIndex(weekdays, '2027-01-01')).toBe(4); // a Friday
    expect(dayIndex(rotation, '2026-11-23')).toBe(0);
    expect(dayIndex(rotation, '2026-11-29')).toBe(0);
    expect(dayIndex(rotation, '2026-11-22')).toBe(5);
    expect(dayIndex(rotation, '2026-10-01')).toBe(((-53 % 6) + 6) % 6);
  });

  it('follows a rotating cycle of two mornings, two nights and two off across a month end', () => {
    expect(
      [
        '2026-11-27',
        '2026-11-28',
        '2026-11-29',
        '2026-11-30',
        '2026-12-01',
        '2026-12-02',
        '2026-12-03',
      ].map((date) => codeOf(date)),
    ).toEqual(['off', 'off', 'P', 'P', 'M', 'M', 'off']);
  });
});

describe('whose schedule applies', () => {
  it("prefers one naming the person, then their department's, then everyone's; the latest among equals", () => {
    const own = {
      scheduleId: 10,
      userId: 2,
      department: null,
      validFrom: '2026-12-01',
      validTo: null,
    };
    const later = {
      scheduleId: 10,
      userId: null,
      department: 'Keamanan',
      validFrom: '2026-11-15',
      validTo: null,
    };
    const all = [...rules.assignments, own, later];
    expect(assignmentFor(guard, '2026-11-30', all)).toBe(later);
    expect(assignmentFor(guard, '2026-12-01', all)).toBe(own);
    expect(assignmentFor(clerk, '2026-12-01', all)?.department).toBeNull();
  });

  it('stops on the last valid date and has none before the first', () => {
    const ending = [
      {
        scheduleId: 10,
        userId: 1,
        department: null,
        validFrom: '2026-11-01',
        validTo: '2026-11-30',
      },
    ];
    expect(assignmentFor(clerk, '2026-11-30', ending)).toBe(ending[0]);
    expect(assignmentFor(clerk, '2026-12-01', ending)).toBeNull();
    expect(assignmentFor(clerk, '2026-10-31', ending)).toBeNull();
    expect(planDay('2026-12-01', clerk, { ...rules, assignments: ending }, {})).toEqual({
      kind: 'unscheduled',
      date: '2026-12-01',
    });
  });
});

describe('the plan of a day', () => {
  it('works the weekdays and is off at the weekend', () => {
    expect(plan('2026-11-27')).toMatchObject({
      kind: 'work',
      shiftType: { code: 'K' },
      source: 'schedule',
    });
    expect(plan('2026-11-28')).toEqual({ kind: 'off', date: '2026-11-28', source: 'schedule' });
  });

  it('takes a holiday over the schedule, and the roster over both', () => {
    const holiday = {
      date: '2026-12-25',
      name: 'Hari Raya Natal',
      kind: 'national' as const,
      siteId: null,
    };
    expect(plan('2026-12-25', clerk, { holiday })).toEqual({
      kind: 'holiday',
      date: '2026-12-25',
      holiday,
    });
    expect(plan('2026-12-25', clerk, { holiday, override: { shiftTypeId: 1 } })).toMatchObject({
      kind: 'work',
      shiftType: { code: 'P' },
      source: 'override',
    });
    expect(plan('2026-11-27', clerk, { override: { shiftTypeId: null } })).toEqual({
      kind: 'off',
      date: '2026-11-27',
      source: 'override',
    });
  });
});

describe('the window of a shift', () => {
  it('ends the next morning when the end is at or before the start, across a month and a year end', () => {
    expect(shiftWindow('2026-11-30', night, 'Asia/Jakarta')).toEqual({
      start: new Date('2026-11-30T15:00:00Z'),
      end: new Date('2026-11-30T23:00:00Z'),
    });
    expect(shiftWindow('2026-12-31', night, 'Asia/Jakarta').end.toISOString()).toBe(
      '2026-12-31T23:00:00.000Z',
    );
    expect(shiftWindow('2026-12-31', { startTime: '08:00', endTime: '08:00' }, 'UTC')).toEqual({
      start: new Date('2026-12-31T08:00:00Z'),
      end: new Date('2027-01-01T08:00:00Z'),
    });
  });

  it('puts the same 08:00 at three instants in WIB, WITA and WIT on one date', () => {
    expect(
      ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'].map((zone) =>
        shiftWindow('2026-11-24', office, zone).start.toISOString(),
      ),
    ).toEqual(['2026-11-24T01:00:00.000Z', '2026-11-24T00:00:00.000Z', '2026-11-23T23:00:00.000Z']);
  });
});

describe('which scheduled shift a clock-in belongs to', () => {
  const around = (iso: string, zone: string, person = guard) => {
    const at = new Date(iso);
    return shiftForClockIn(
      at,
      datesAround(at, zone).map((date) => plan(date, person)),
      zone,
    );
  };

  it('gives a night shift clocked into at 22:00, or late after midnight, the date it started', () => {
    // 2026-12-01 is a night for the guard; 22:00 WIB is 15:00 UTC.
    expect(around('2026-12-01T15:00:00Z', 'Asia/Jakarta')?.plan.date).toBe('2026-12-01');
    expect(around('2026-12-01T18:30:00Z', 'Asia/Jakarta')?.plan.date).toBe('2026-12-01'); // 01:30
    expect(around('2026-12-01T11:30:00Z', 'Asia/Jakarta')?.plan.date).toBe('2026-12-01'); // 18:30, early
  });

  it('belongs to no shift on a day off, too early, or after the end', () => {
    expect(around('2026-11-28T02:00:00Z', 'Asia/Jakarta', clerk)).toBeNull(); // Saturday 09:00
    expect(around('2026-11-27T21:00:00Z', 'Asia/Jakarta', clerk)).toBeNull(); // Saturday 04:00: after Friday's end
    expect(around('2026-11-26T20:00:00Z', 'Asia/Jakarta', clerk)).toBeNull(); // 03:00, more than 4 h early
  });

  it('takes the nearest start when two shifts are open to a clock-in', () => {
    // The guard's second morning ends 15:00; at 14:50 the morning is nearer than the night at 22:00.
    const backToBack = shiftForClockIn(
      new Date('2026-11-30T07:50:00Z'),
      ['2026-11-29', '2026-11-30', '2026-12-01'].map((date) => plan(date, guard)),
      'Asia/Jakarta',
    );
    expect(backToBack?.plan.date).toBe('2026-11-30');
    expect(backToBack?.plan.shiftType.code).toBe('P');
  });

  it('closes a night shift left open in the morning: its end, 06:00, plus the allowance', () => {
    const shift = around('2026-12-01T15:00:00Z', 'Asia/Jakarta')!;
    const due = new Date(
      shift.end.getTime() + shift.plan.shiftType.autoClockOutAfterMinutes * 60_000,
    );
    expect(due.toISOString()).toBe('2026-12-02T01:00:00.000Z'); // 08:00 WIB the next morning
    // Where the company's single hour (23:00) closed it an hour after it began.
    expect(autoClockOutAt(new Date('2026-12-01T15:00:00Z'), 'Asia/Jakarta', 23).toISOString()).toBe(
      '2026-12-01T16:00:00.000Z',
    );
  });
});
