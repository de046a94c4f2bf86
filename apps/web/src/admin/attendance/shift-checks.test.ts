import { describe, expect, it } from 'vitest';
import type { Problem } from '../../api/errors';
import { DICTIONARIES, translatorOf } from '../../i18n/translate';
import { ADMIN_DICTIONARIES } from '../messages/dictionaries';
import { reasonRefusal, serverRefusal, timesRefusal } from './shift-checks';

const zone = 'Asia/Jakarta';
const refused = (kind: Problem['kind'], said: Partial<Problem>): Problem => ({
  kind,
  serverMessage: 'English, for logs',
  answered: true,
  ...said,
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

describe("the server's refusal of a correction or an added shift, by its reason code", () => {
  const t = translatorOf({ ...DICTIONARIES.en, ...ADMIN_DICTIONARIES.en }, 'en');

  it('says the refusals the forms know in their own words', () => {
    const cases: [Partial<Problem>, string][] = [
      [{ reason: 'TIME_IN_FUTURE' }, 'refuseFuture'],
      [{ reason: 'SHIFT_OVER_24_HOURS' }, 'refuseTooLong'],
      [{ reason: 'BEFORE_YEAR_2000' }, 'refuseBefore2000'],
      [{ reason: 'CLOCK_OUT_NOT_AFTER_IN' }, 'refuseOutBeforeIn'],
      [{ reason: 'ATTENDANCE_NOT_FOUND', params: { id: 7 } }, 'refuseNotFound'],
      [
        {
          reason: 'INPUT_INVALID',
          issues: [{ path: 'reason', code: 'TOO_SHORT', params: { minimum: 5 } }],
        },
        'refuseReason',
      ],
      [
        { reason: 'INPUT_INVALID', issues: [{ path: '', code: 'NOTHING_CHANGED', params: {} }] },
        'refuseNothingChanged',
      ],
    ];
    for (const [said, key] of cases)
      expect(serverRefusal(refused('invalid', said), t)).toEqual({ key });
  });

  it("names the shift an overlap would run into, in the record's zone and the admin's style", () => {
    const overlap = refused('conflict', {
      reason: 'SHIFT_OVERLAP',
      params: { from: '2025-11-24T01:00:00Z', until: '2025-11-24T10:00:00Z', timeZone: zone },
    });
    expect(serverRefusal(overlap, t)).toEqual({
      key: 'refuseOverlap',
      values: { span: '24 Nov, 08:00 – 24 Nov, 17:00' },
    });
    const tId = translatorOf({ ...DICTIONARIES.id, ...ADMIN_DICTIONARIES.id }, 'id');
    expect(serverRefusal(overlap, tId)?.values?.span).toBe('24 Nov, 08.00 – 24 Nov, 17.00');
  });

  it('leaves any other trouble to the general messages', () => {
    expect(serverRefusal(refused('network', {}), t)).toBeNull();
    expect(serverRefusal(refused('invalid', { reason: 'INVALID' }), t)).toBeNull();
  });
});
