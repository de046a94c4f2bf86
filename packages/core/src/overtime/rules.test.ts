import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bandsFor,
  limitFlags,
  overtimeClaimRefusal,
  overtimeMinutes,
  PP_35_2021,
  weightedHours,
  type OvertimeDay,
} from './rules.js';

const workDay: OvertimeDay = { kind: 'work_day' };
const restSix: OvertimeDay = { kind: 'rest_day', week: 'six_day' };
const shortestSix: OvertimeDay = { kind: 'rest_day', week: 'six_day', shortestWorkDay: true };
const restFive: OvertimeDay = { kind: 'rest_day', week: 'five_day' };
const weigh = (hours: number, day: OvertimeDay) =>
  weightedHours(hours * 60, bandsFor(PP_35_2021, day));

describe('PP 35/2021 weighted hours', () => {
  it.each([
    // [hours of overtime, weighted on a work day]
    [0, 0],
    [0.5, 0.75],
    [1, 1.5],
    [1.5, 2.5],
    [2, 3.5],
    [3, 5.5],
    [4, 7.5],
  ])('on a work day, %s h weigh %s', (hours, weighted) => {
    expect(weigh(hours, workDay)).toBe(weighted);
  });

  it.each([
    // [hours, 6-day week rest day, 6-day week on the shortest work day, 5-day week rest day]
    [5, 10, 10, 10],
    [6, 12, 13, 12],
    [7, 14, 17, 14],
    [8, 17, 21, 16],
    [9, 21, 25, 19],
    [10, 25, 29, 23],
    [11, 29, 33, 27],
    [12, 33, 37, 31],
  ])(
    'on a rest day or holiday, %s h weigh %s (6-day), %s (shortest day), %s (5-day)',
    (hours, six, shortest, five) => {
      expect(weigh(hours, restSix)).toBe(six);
      expect(weigh(hours, shortestSix)).toBe(shortest);
      expect(weigh(hours, restFive)).toBe(five);
    },
  );

  it('weighs each part of an hour by its own band', () => {
    expect(weigh(7.5, restSix)).toBe(15.5); // 7 × 2 + 0.5 × 3
    expect(weigh(8.25, restFive)).toBe(16.75); // 8 × 2 + 0.25 × 3
  });
});

describe('overtime minutes of a shift', () => {
  const at = (time: string) => new Date(`2026-11-24T${time}:00+07:00`);
  const schedule = { start: at('08:00'), end: at('17:00') };
  const policy = { minimumMinutes: 30, roundingMinutes: 15 };

  it('counts time after the end and before the start, from the threshold, rounded down', () => {
    expect(
      overtimeMinutes({ clockInAt: at('08:00'), clockOutAt: at('18:44') }, schedule, policy),
    ).toBe(90);
    expect(
      overtimeMinutes({ clockInAt: at('07:30'), clockOutAt: at('17:00') }, schedule, policy),
    ).toBe(30);
    expect(
      overtimeMinutes({ clockInAt: at('08:00'), clockOutAt: at('17:29') }, schedule, policy),
    ).toBe(0);
    expect(
      overtimeMinutes({ clockInAt: at('08:00'), clockOutAt: at('17:30') }, schedule, policy),
    ).toBe(30);
  });

  it('does not let a late start be made up by staying later', () => {
    expect(
      overtimeMinutes({ clockInAt: at('09:00'), clockOutAt: at('18:00') }, schedule, policy),
    ).toBe(60);
  });

  it('counts every minute on a rest day or holiday, and nothing with no threshold crossed', () => {
    expect(overtimeMinutes({ clockInAt: at('09:00'), clockOutAt: at('13:10') }, null, policy)).toBe(
      240,
    );
    expect(overtimeMinutes({ clockInAt: at('09:00'), clockOutAt: at('09:20') }, null, policy)).toBe(
      0,
    );
    expect(
      overtimeMinutes({ clockInAt: at('09:00'), clockOutAt: at('09:20') }, null, {
        minimumMinutes: 0,
        roundingMinutes: 1,
      }),
    ).toBe(20);
  });
});

describe('the legal limits', () => {
  it('flags a work day over 4 hours, and the work days that take the week past 18 hours', () => {
    const week = [
      { minutes: 4 * 60, day: workDay },
      { minutes: 5 * 60, day: workDay },
      { minutes: 8 * 60, day: restSix }, // rest days do not count towards the week's 18 hours
      { minutes: 4 * 60, day: workDay },
      { minutes: 4 * 60, day: workDay },
      { minutes: 2 * 60, day: workDay },
      { minutes: 0, day: workDay },
    ];
    expect(limitFlags(PP_35_2021, week)).toEqual([
      { overDailyLimit: false, overWeeklyLimit: false },
      { overDailyLimit: true, overWeeklyLimit: false },
      { overDailyLimit: false, overWeeklyLimit: false },
      { overDailyLimit: false, overWeeklyLimit: false },
      { overDailyLimit: false, overWeeklyLimit: false }, // 17 h so far
      { overDailyLimit: false, overWeeklyLimit: true }, // 19 h
      { overDailyLimit: false, overWeeklyLimit: false },
    ]);
  });
});

describe('a second overtime claim for a date', () => {
  it.each([
    ['nothing standing', [], null],
    ['only declined and cancelled ones', [{ state: 'declined' }, { state: 'cancelled' }], null],
    ['a claim still pending', [{ state: 'pending' }], 'OVERTIME_ALREADY_CLAIMED'],
    ['approved overtime', [{ state: 'approved' }], 'OVERTIME_ALREADY_APPROVED'],
    [
      'approved overtime beside a pending claim',
      [{ state: 'pending' }, { state: 'approved' }],
      'OVERTIME_ALREADY_APPROVED',
    ],
  ] as const)('with %s is refused with %s', (_name, standing, expected) => {
    expect(overtimeClaimRefusal(standing)).toBe(expected);
  });
});

describe('a second overtime claim for a date, for any requests standing (property)', () => {
  const states = fc.array(fc.constantFrom('pending', 'approved', 'declined', 'cancelled'), {
    maxLength: 6,
  });

  it('is refused as approved when any is approved, as claimed when any is pending, else taken', () => {
    fc.assert(
      fc.property(states, (list) => {
        const refusal = overtimeClaimRefusal(list.map((state) => ({ state })));
        if (list.includes('approved')) expect(refusal).toBe('OVERTIME_ALREADY_APPROVED');
        else if (list.includes('pending')) expect(refusal).toBe('OVERTIME_ALREADY_CLAIMED');
        else expect(refusal).toBeNull();
        // The order the requests are read in never matters.
        expect(overtimeClaimRefusal([...list].reverse().map((state) => ({ state })))).toBe(refusal);
      }),
    );
  });
});
