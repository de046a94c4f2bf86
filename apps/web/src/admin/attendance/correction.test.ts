import { describe, expect, it } from 'vitest';
import { attendanceView } from '../../api/view-fixture';
import { correctionInput, correctionRefusal, draftOf, type Row } from './correction';

const zone = 'Asia/Jakarta';
const row: Row = {
  ...attendanceView({
    id: 42,
    // The effective time of an offline tap (the server's receive time is kept apart).
    clockInAt: '2026-11-24T00:58:00.000Z',
    clockInReceivedAt: '2026-11-24T03:10:00.000Z',
    clockInSource: 'offline',
    clockInClientAt: '2026-11-24T00:58:00.000Z',
    clockOutAt: '2026-11-24T10:00:00.000Z',
    clockOutSource: 'online',
  }),
  user: { name: 'Rina Kartika', email: 'rina@example.com', department: 'Sales' },
};

describe('a correction', () => {
  it('starts from the effective times of the taps, in the company zone', () => {
    expect(draftOf(row, zone)).toEqual({
      clockIn: '2026-11-24T07:58',
      clockOut: '2026-11-24T17:00',
      status: 'on_time',
      note: '',
      reason: '',
    });
  });

  it('sends the reason and only what changed', () => {
    const draft = { ...draftOf(row, zone), reason: 'Badge reader broken' };
    expect(correctionInput(row, zone, draft)).toEqual({ id: 42, reason: 'Badge reader broken' });
    expect(
      correctionInput(row, zone, {
        ...draft,
        clockIn: '2026-11-24T08:05',
        status: 'late',
        note: '  ',
      }),
    ).toEqual({
      id: 42,
      reason: 'Badge reader broken',
      clockInAt: '2026-11-24T01:05:00.000Z',
      status: 'late',
    });
    expect(
      correctionInput(row, zone, { ...draft, clockOut: '2026-11-24T18:30', note: 'Stayed late' }),
    ).toEqual({
      id: 42,
      reason: 'Badge reader broken',
      clockOutAt: '2026-11-24T11:30:00.000Z',
      note: 'Stayed late',
    });
  });

  it('never sends an empty clock-out', () => {
    const open: Row = { ...row, clockOutAt: null, clockOutSource: null };
    const draft = { ...draftOf(open, zone), reason: 'Forgot to clock in' };
    expect(draft.clockOut).toBe('');
    expect(correctionInput(open, zone, draft)).toEqual({ id: 42, reason: 'Forgot to clock in' });
  });

  it('is not sent without a reason, with nothing changed, or with a clock-out taken away', () => {
    const draft = draftOf(row, zone);
    expect(correctionRefusal(row, zone, { ...draft, status: 'late' })).toEqual({
      key: 'refuseReason',
    });
    const reasoned = { ...draft, reason: 'Badge reader broken' };
    expect(correctionRefusal(row, zone, reasoned)).toEqual({ key: 'refuseNothingChanged' });
    expect(correctionRefusal(row, zone, { ...reasoned, clockOut: '' })).toEqual({
      key: 'refuseOutMissing',
    });
    expect(correctionRefusal(row, zone, { ...reasoned, clockOut: '2026-11-24T07:00' })).toEqual({
      key: 'refuseOutBeforeIn',
    });
    expect(correctionRefusal(row, zone, { ...reasoned, status: 'late' })).toBeNull();
    const open: Row = { ...row, clockOutAt: null, clockOutSource: null };
    expect(
      correctionRefusal(open, zone, { ...draftOf(open, zone), reason: 'Forgot', note: 'x' }),
    ).toBeNull();
  });
});
