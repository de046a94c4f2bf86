import { describe, expect, it } from 'vitest';
import type { Problem } from '../../api/errors';
import { reasonRefusal, serverRefusal, timesRefusal } from './shift-checks';

const zone = 'Asia/Jakarta';
const refused = (kind: Problem['kind'], serverMessage: string): Problem => ({
  kind,
  serverMessage,
  answered: true,
});

describe("a shift's times, checked before the server is asked", () => {
  it('takes a shift of up to 24 hours, and an open one where no clock-out is needed', () => {
    expect(
      timesRefusal({ clockIn: '2026-11-24T08:00', clockOut: '2026-11-24T17:00' }, zone, true),
    ).toBeNull();
    expect(
      timesRefusal({ clockIn: '2026-11-24T20:00', clockOut: '2026-11-25T20:00' }, zone, true),
    ).toBeNull();
    expect(timesRefusal({ clockIn: '2026-11-24T08:00', clockOut: '' }, zone, false)).toBeNull();
  });

  it('says what is missing or impossible', () => {
    const check = (clockIn: string, clockOut: string) =>
      timesRefusal({ clockIn, clockOut }, zone, true)?.key;
    expect(check('', '2026-11-24T17:00')).toBe('refuseInMissing');
    expect(check('2026-11-24T08:00', '')).toBe('refuseOutMissing');
    expect(check('2026-11-24T08:00', '2026-11-24T08:00')).toBe('refuseOutBeforeIn');
    expect(check('2026-11-24T08:00', '2026-11-23T17:00')).toBe('refuseOutBeforeIn');
    expect(check('2026-11-24T08:00', '2026-11-25T08:01')).toBe('refuseTooLong');
    expect(check('1999-12-31T08:00', '1999-12-31T17:00')).toBe('refuseBefore2000');
  });

  it('wants a reason of at least 5 characters, spaces aside', () => {
    expect(reasonRefusal('  abc  ')?.key).toBe('refuseReason');
    expect(reasonRefusal('Phone broken')).toBeNull();
  });
});

describe("the server's refusals, in the admin's language", () => {
  it('knows the refusals of a correction or an added shift', () => {
    expect(serverRefusal(refused('invalid', 'clockOutAt: cannot be in the future'))).toEqual({
      key: 'refuseFuture',
    });
    expect(
      serverRefusal(refused('invalid', 'clockOutAt: a shift cannot last more than 24 hours')),
    ).toEqual({ key: 'refuseTooLong' });
    expect(
      serverRefusal(refused('invalid', 'clockInAt: must not be before the year 2000')),
    ).toEqual({ key: 'refuseBefore2000' });
    expect(serverRefusal(refused('invalid', 'clockOutAt: must be after the clock-in'))).toEqual({
      key: 'refuseOutBeforeIn',
    });
    expect(
      serverRefusal(refused('invalid', 'reason: must say why, in at least 5 characters')),
    ).toEqual({ key: 'refuseReason' });
    expect(
      serverRefusal(
        refused('invalid', 'must change at least one of clockInAt, clockOutAt, status or note'),
      ),
    ).toEqual({ key: 'refuseNothingChanged' });
    expect(serverRefusal(refused('invalid', 'There is no attendance record with id 7.'))).toEqual({
      key: 'refuseNotFound',
    });
  });

  it('names the shift an overlap would run into', () => {
    expect(
      serverRefusal(
        refused(
          'conflict',
          "This would overlap the employee's shift of 24 Nov, 08:00 – 24 Nov, 17:00.",
        ),
      ),
    ).toEqual({ key: 'refuseOverlap', values: { span: '24 Nov, 08:00 – 24 Nov, 17:00' } });
  });

  it('leaves any other trouble to the general messages', () => {
    expect(serverRefusal(refused('network', 'Failed to fetch'))).toBeNull();
    expect(serverRefusal(refused('invalid', 'something new'))).toBeNull();
  });
});
