import { describe, expect, it } from 'vitest';
import { addShiftInput, addShiftRefusal, emptyShift } from './add-shift';

const zone = 'Asia/Jakarta';
const filled = {
  ...emptyShift('12'),
  clockIn: '2026-11-23T08:00',
  clockOut: '2026-11-23T17:00',
  reason: 'Phone was broken all day',
};

describe('a missing shift an admin adds', () => {
  it('sends the person, the times as instants from the company zone, the reason and any note', () => {
    expect(addShiftRefusal(filled, zone)).toBeNull();
    expect(addShiftInput(filled, zone)).toEqual({
      userId: 12,
      clockInAt: '2026-11-23T01:00:00.000Z',
      clockOutAt: '2026-11-23T10:00:00.000Z',
      reason: 'Phone was broken all day',
    });
    expect(addShiftInput({ ...filled, note: 'Site visit' }, zone)).toMatchObject({
      note: 'Site visit',
    });
  });

  it('is not sent without a person, both times or a reason', () => {
    expect(addShiftRefusal({ ...filled, userId: '' }, zone)?.key).toBe('refuseNoEmployee');
    expect(addShiftRefusal({ ...filled, clockOut: '' }, zone)?.key).toBe('refuseOutMissing');
    expect(addShiftRefusal({ ...filled, reason: 'no' }, zone)?.key).toBe('refuseReason');
  });
});
