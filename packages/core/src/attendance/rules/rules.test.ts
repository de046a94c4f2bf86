import { describe, expect, it } from 'vitest';
import {
  autoClockOutAt,
  forgottenShiftClosure,
  lastAutoClockOutBoundary,
  earlyLeaveMinutes,
  latenessAgainst,
  localInstant,
  monthBounds,
  workDateOf,
  workedMinutes,
} from './index.js';

const JAKARTA = 'Asia/Jakarta'; // UTC+7, no daylight saving
const jakarta = (local: string) => new Date(`${local}+07:00`);

describe('workDateOf', () => {
  it('names the Jakarta day, not the UTC day, around midnight', () => {
    // 23:30 Jakarta is 16:30 UTC the same day; 00:30 Jakarta is 17:30 UTC the day before.
    expect(workDateOf(jakarta('2026-11-24T23:30:00'), JAKARTA)).toBe('2026-11-24');
    expect(workDateOf(jakarta('2026-11-25T00:30:00'), JAKARTA)).toBe('2026-11-25');
    expect(workDateOf(new Date('2026-11-24T17:30:00Z'), JAKARTA)).toBe('2026-11-25');
    expect(workDateOf(new Date('2026-11-24T17:30:00Z'), 'UTC')).toBe('2026-11-24');
  });

  it('follows daylight saving in zones that have it', () => {
    expect(workDateOf(new Date('2026-03-29T00:30:00Z'), 'Europe/Amsterdam')).toBe('2026-03-29');
    expect(localInstant('2026-03-29', '08:00', 'Europe/Amsterdam').toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
    expect(localInstant('2026-03-28', '08:00', 'Europe/Amsterdam').toISOString()).toBe(
      '2026-03-28T07:00:00.000Z',
    );
  });

  it('gives the same instant again as a Date of its own, and refuses a bad time every time', () => {
    const first = localInstant('2026-11-24', '08:00', JAKARTA);
    first.setTime(0);
    expect(localInstant('2026-11-24', '08:00', JAKARTA).toISOString()).toBe(
      '2026-11-24T01:00:00.000Z',
    );
    expect(localInstant('2026-11-24', '08:00', 'Asia/Makassar').toISOString()).toBe(
      '2026-11-24T00:00:00.000Z',
    );
    expect(() => localInstant('2026-11-24', '25:00', JAKARTA)).toThrow(RangeError);
    expect(() => localInstant('2026-11-24', '25:00', JAKARTA)).toThrow(RangeError);
  });
});

describe('lateness against a shift start, at the grace boundaries', () => {
  const start = jakarta('2026-11-24T08:00:00');
  it.each([
    ['well before the start', '2026-11-24T07:40:00', 15, 'on_time', 0],
    ['the last second within the grace', '2026-11-24T08:15:59', 15, 'on_time', 0],
    [
      'the first minute past the grace, counted from the start',
      '2026-11-24T08:16:00',
      15,
      'late',
      16,
    ],
    ['an hour and a half late', '2026-11-24T09:30:00', 15, 'late', 90],
    ['exactly at the start with no grace', '2026-11-24T08:00:59', 0, 'on_time', 0],
    ['a minute after the start with no grace', '2026-11-24T08:01:00', 0, 'late', 1],
  ] as const)('%s', (_case, local, grace, status, minutes) => {
    expect(latenessAgainst(jakarta(local), start, grace)).toEqual({ status, lateMinutes: minutes });
  });
});

describe('early leave against a shift end, at the grace boundaries', () => {
  const end = jakarta('2026-11-24T17:00:00');
  it.each([
    ['at the end', '2026-11-24T17:00:00', 10, 0],
    ['after the end', '2026-11-24T18:30:00', 10, 0],
    ['within the grace', '2026-11-24T16:50:00', 10, 0],
    ['a minute beyond the grace, counted from the end', '2026-11-24T16:49:00', 10, 11],
    ['an hour early with no grace', '2026-11-24T16:00:00', 0, 60],
  ] as const)('%s', (_case, local, grace, minutes) => {
    expect(earlyLeaveMinutes(jakarta(local), end, grace)).toBe(minutes);
  });

  it('counts a night shift left at 05:00 for a 06:00 end the next morning', () => {
    expect(
      earlyLeaveMinutes(jakarta('2026-11-25T05:00:00'), jakarta('2026-11-25T06:00:00'), 0),
    ).toBe(60);
  });
});

describe('auto clock-out', () => {
  it('closes a day shift at the hour on its own day', () => {
    expect(autoClockOutAt(jakarta('2026-11-24T07:58:00'), JAKARTA, 23)).toEqual(
      jakarta('2026-11-24T23:00:00'),
    );
  });

  it('closes a night shift that crossed midnight at the hour of the next day', () => {
    expect(autoClockOutAt(jakarta('2026-11-24T23:30:00'), JAKARTA, 23)).toEqual(
      jakarta('2026-11-25T23:00:00'),
    );
    expect(autoClockOutAt(jakarta('2026-11-24T22:00:00'), JAKARTA, 6)).toEqual(
      jakarta('2026-11-25T06:00:00'),
    );
  });

  it('is due only once that instant has passed, and then marks the shift auto', () => {
    const clockIn = jakarta('2026-11-24T08:00:00');
    expect(forgottenShiftClosure(clockIn, jakarta('2026-11-24T22:59:59'), JAKARTA, 23)).toEqual({
      due: false,
    });
    expect(forgottenShiftClosure(clockIn, jakarta('2026-11-25T01:00:00'), JAKARTA, 23)).toEqual({
      due: true,
      clockOutAt: jakarta('2026-11-24T23:00:00'),
      kind: 'auto',
    });
  });

  it('finds the last auto clock-out hour before now, on the same day or the one before', () => {
    expect(lastAutoClockOutBoundary(jakarta('2026-11-25T01:00:00'), JAKARTA, 23)).toEqual(
      jakarta('2026-11-24T23:00:00'),
    );
    expect(lastAutoClockOutBoundary(jakarta('2026-11-24T23:00:00'), JAKARTA, 23)).toEqual(
      jakarta('2026-11-24T23:00:00'),
    );
    expect(lastAutoClockOutBoundary(jakarta('2026-11-24T22:59:59'), JAKARTA, 23)).toEqual(
      jakarta('2026-11-23T23:00:00'),
    );
  });

  it('calls a shift due exactly when it began before that hour, in any zone, across DST', () => {
    // A fixed pseudo-random walk, so a failure names the same case every run.
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const start = Date.UTC(2026, 0, 1);
    for (const zone of [JAKARTA, 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata']) {
      for (const hour of [0, 6, 17, 23]) {
        for (let index = 0; index < 500; index += 1) {
          const clockIn = new Date(start + next() * 365 * 86_400_000);
          const now = new Date(clockIn.getTime() + next() * 3 * 86_400_000);
          const due = forgottenShiftClosure(clockIn, now, zone, hour).due;
          const boundary = lastAutoClockOutBoundary(now, zone, hour);
          expect(
            clockIn < boundary,
            `${zone} ${hour}:00 ${clockIn.toISOString()} ${now.toISOString()}`,
          ).toBe(due);
        }
      }
    }
  });

  it('counts a night shift across midnight as one span of work', () => {
    expect(workedMinutes(jakarta('2026-11-24T22:00:00'), jakarta('2026-11-25T06:00:00'))).toBe(480);
    expect(workDateOf(jakarta('2026-11-24T22:00:00'), JAKARTA)).toBe('2026-11-24');
  });
});

describe('monthBounds', () => {
  it('gives the first and last day of a month, leap years included', () => {
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthBounds('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
});
