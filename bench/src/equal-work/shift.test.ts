import { describe, expect, it } from 'vitest';
import { clockInRules } from './shift.js';

const jakarta = { timeZone: 'Asia/Jakarta', shiftStart: '08:00', graceMinutes: 15 };

describe('the equal-work floor’s shift rules', () => {
  it('is on time up to the grace minutes, then late by the minutes since the shift start', () => {
    // 08:15:59 and 08:16:00 in Jakarta (UTC+7).
    expect(clockInRules(new Date('2026-11-30T01:15:59Z'), jakarta)).toEqual({
      workDate: '2026-11-30',
      status: 'on_time',
      lateMinutes: 0,
    });
    expect(clockInRules(new Date('2026-11-30T01:16:00Z'), jakarta)).toEqual({
      workDate: '2026-11-30',
      status: 'late',
      lateMinutes: 16,
    });
  });

  it('dates a clock-in by the company’s calendar, not UTC’s', () => {
    // 00:30 on 1 December in Jakarta is still 30 November in UTC.
    const rules = clockInRules(new Date('2026-11-30T17:30:00Z'), jakarta);
    expect(rules).toEqual({ workDate: '2026-12-01', status: 'on_time', lateMinutes: 0 });
    expect(clockInRules(new Date('2026-11-30T17:30:00Z'), { ...jakarta, timeZone: 'UTC' })).toEqual(
      { workDate: '2026-11-30', status: 'late', lateMinutes: 17 * 60 + 30 - 8 * 60 },
    );
  });
});
