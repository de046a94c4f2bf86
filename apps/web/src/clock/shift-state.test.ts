import { describe, expect, it } from 'vitest';
import type { AttendanceView } from '../api/types';
import { attendanceView } from '../api/view-fixture';
import type { QueuedTap } from './queue';
import { shiftState } from './shift-state';

const view = attendanceView;
const waiting = (kind: QueuedTap['kind'], at: string): QueuedTap => ({
  key: at,
  kind,
  at,
  userId: 7,
});
const readAt = '2026-11-24T02:00:00.000Z';
/** The day as read at `serverTime` (02:00 unless said): the open shift, and the day's records. */
const day = (open: AttendanceView | null, serverTime = readAt, records = open ? [open] : []) => ({
  open,
  serverTime,
  records,
});
const answered = (kind: QueuedTap['kind'], answer: AttendanceView) => ({
  pending: [],
  lastAnswer: { kind, view: answer },
});
const nothing = { pending: [], lastAnswer: null };

describe('whether the person is clocked in', () => {
  it('is out with nothing known, and the button clocks in', () => {
    expect(shiftState(null, nothing)).toEqual({ isIn: false, since: null, next: 'clockIn' });
  });

  it("follows the server's open shift, since the tap's effective time", () => {
    const open = view({
      clockInAt: '2026-11-24T00:55:00.000Z',
      clockInReceivedAt: '2026-11-24T02:00:00.000Z',
      clockInSource: 'offline',
      clockInClientAt: '2026-11-24T00:58:00.000Z',
    });
    expect(shiftState(day(open), nothing)).toEqual({
      isIn: true,
      since: '2026-11-24T00:55:00.000Z',
      next: 'clockOut',
    });
  });

  it('takes the answer to a tap over a reading that does not show it yet', () => {
    const open = view({});
    const closedAt = { clockOutAt: '2026-11-24T03:00:00.000Z' };
    const out = view({ ...closedAt, clockOutReceivedAt: closedAt.clockOutAt });
    expect(shiftState(day(open), answered('clockOut', out)).isIn).toBe(false);
    const inAt = { clockInAt: '2026-11-24T04:00:00.000Z' };
    const clockIn = view({ id: 2, ...inAt, clockInReceivedAt: inAt.clockInAt });
    expect(shiftState(day(null), answered('clockIn', clockIn))).toEqual({
      isIn: true,
      since: '2026-11-24T04:00:00.000Z',
      next: 'clockOut',
    });
  });

  it('takes a reading that shows the tap, or came well after it, over the answer', () => {
    const open = view({});
    const out = view({
      clockOutAt: '2026-11-24T01:30:00.000Z',
      clockOutReceivedAt: '2026-11-24T01:30:00.000Z',
    });
    // Clocked in again since (a new shift), or the first shift reopened by an admin.
    expect(shiftState(day(open), answered('clockOut', out)).isIn).toBe(true);
    // The shift the tap opened, closed since (by an admin, or automatically).
    const closed = view({ clockOutAt: '2026-11-24T01:45:00.000Z' });
    expect(shiftState(day(null, readAt, [closed]), answered('clockIn', view({}))).isIn).toBe(false);
    // Yesterday's answer beside today's reading.
    const yesterday = view({ id: 5, clockInReceivedAt: '2026-11-23T01:00:00.000Z' });
    expect(shiftState(day(null), answered('clockIn', yesterday)).isIn).toBe(false);
  });

  it('orders by arrival, not by the tap: a clock-in kept offline beats a reading served before its commit', () => {
    // Tapped at 01:00 with no network; it reached the server at 02:00:00.0, and a reading begun
    // at 02:00:00.1 was served before the tap was committed.
    const offline = view({
      clockInAt: '2026-11-24T01:00:00.000Z',
      clockInReceivedAt: '2026-11-24T02:00:00.000Z',
      clockInSource: 'offline',
    });
    expect(shiftState(day(null, '2026-11-24T02:00:00.100Z'), answered('clockIn', offline))).toEqual(
      { isIn: true, since: '2026-11-24T01:00:00.000Z', next: 'clockOut' },
    );
    expect(
      shiftState(day(offline, '2026-11-24T02:00:00.300Z'), answered('clockIn', offline)).isIn,
    ).toBe(true);
  });

  it('lets the last tap still waiting to be sent decide, whatever the server last said', () => {
    const open = view({});
    const tappedOut = {
      pending: [waiting('clockOut', '2026-11-24T05:00:00.000Z')],
      lastAnswer: null,
    };
    expect(shiftState(day(open), tappedOut)).toEqual({
      isIn: false,
      since: null,
      next: 'clockIn',
    });
    const tappedIn = {
      pending: [
        waiting('clockOut', '2026-11-24T05:00:00.000Z'),
        waiting('clockIn', '2026-11-24T06:00:00.000Z'),
      ],
      lastAnswer: null,
    };
    expect(shiftState(null, tappedIn)).toEqual({
      isIn: true,
      since: '2026-11-24T06:00:00.000Z',
      next: 'clockOut',
    });
  });
});
