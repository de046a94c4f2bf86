import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BREAK_AFTER_MINUTES, netWorkedMinutes, overtimeDayOf } from './compute.js';

const at = (hhmm: string) => new Date(`2025-03-03T${hhmm}:00Z`);

describe('minutes worked', () => {
  it.each([
    ['open shift', '08:00', null, 60, null],
    ['a whole day with its hour of break', '08:00', '17:00', 60, 480],
    ['exactly four hours: no break taken', '08:00', '12:00', 60, 240],
    ['four hours and a minute: the break is taken', '08:00', '12:01', 60, 181],
    ['a break longer than the shift leaves nothing', '08:00', '12:30', 600, 0],
    ['no break in the shift type', '22:00', '23:59', 0, 119],
  ])('%s', (_name, from, to, breakMinutes, expected) => {
    expect(netWorkedMinutes(at(from), to ? at(to) : null, breakMinutes)).toBe(expected);
  });

  it('never goes below zero nor above the shift', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 * 60 }),
        fc.integer({ min: 0, max: 480 }),
        (length, breakMinutes) => {
          const worked = netWorkedMinutes(
            at('00:00'),
            new Date(at('00:00').getTime() + length * 60_000),
            breakMinutes,
          )!;
          expect(worked).toBeGreaterThanOrEqual(0);
          expect(worked).toBeLessThanOrEqual(length);
          if (length <= BREAK_AFTER_MINUTES) expect(worked).toBe(length);
        },
      ),
    );
  });
});

describe('the day overtime falls on', () => {
  it.each([
    ['a work day', 'work', '2025-03-08', 'five_day', { kind: 'work_day' }],
    [
      'an off day, 5-day week',
      'off',
      '2025-03-08',
      'five_day',
      { kind: 'rest_day', week: 'five_day' },
    ],
    [
      'an off day, 6-day week',
      'off',
      '2025-03-09',
      'six_day',
      { kind: 'rest_day', week: 'six_day' },
    ],
    [
      'a holiday on a Saturday, 6-day week: the shortest work day',
      'holiday',
      '2025-03-08',
      'six_day',
      { kind: 'rest_day', week: 'six_day', shortestWorkDay: true },
    ],
    [
      'a holiday on a Monday, 6-day week',
      'holiday',
      '2025-03-31',
      'six_day',
      { kind: 'rest_day', week: 'six_day' },
    ],
    [
      'unscheduled work',
      'unscheduled',
      '2025-03-05',
      'five_day',
      { kind: 'rest_day', week: 'five_day' },
    ],
  ] as const)('%s', (_name, plan, date, week, expected) => {
    expect(overtimeDayOf(plan, date, week)).toEqual(expected);
  });
});
