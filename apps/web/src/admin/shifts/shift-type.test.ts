import { describe, expect, it } from 'vitest';
import { crossesMidnight, shiftDraftOf, shiftInput } from './shift-type';

describe('a shift type', () => {
  it('crosses midnight when it ends at or before its start', () => {
    expect(crossesMidnight('22:00', '06:00')).toBe(true);
    expect(crossesMidnight('00:00', '00:00')).toBe(true);
    expect(crossesMidnight('07:00', '15:00')).toBe(false);
  });

  it('goes to the server with its minutes as numbers', () => {
    const draft = { ...shiftDraftOf(null), name: 'Malam', code: 'M', startTime: '22:00' };
    expect(shiftInput({ ...draft, endTime: '06:00', lateGraceMinutes: '10' })).toEqual({
      name: 'Malam',
      code: 'M',
      startTime: '22:00',
      endTime: '06:00',
      lateGraceMinutes: 10,
      earlyLeaveGraceMinutes: 0,
      breakMinutes: 60,
      autoClockOutAfterMinutes: 120,
      color: '#2f6fdd',
    });
  });
});
