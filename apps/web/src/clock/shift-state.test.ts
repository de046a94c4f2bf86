import { describe, expect, it } from 'vitest';
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
    expect(shiftState({ open, serverTime: readAt }, nothing)).toEqual({
      isIn: true,
      since: '2026-11-24T00:55:00.000Z',
      next: 'clockOut',
    });
  });

  it('takes an answer given after the reading over the reading, and ignores an older one', () => {
    const open = view({});
    const laterOut = {
      kind: 'clockOut' as const,
      view: view({ clockOutAt: '2026-11-24T03:00:00.000Z' }),
    };
    expect(
      shiftState({ open, serverTime: readAt }, { pending: [], lastAnswer: laterOut }).isIn,
    ).toBe(false);
    const earlierOut = {
      kind: 'clockOut' as const,
      view: view({ clockOutAt: '2026-11-24T01:30:00.000Z' }),
    };
    expect(
      shiftState({ open, serverTime: readAt }, { pending: [], lastAnswer: earlierOut }).isIn,
    ).toBe(true);
    const laterIn = {
      kind: 'clockIn' as const,
      view: view({ clockInAt: '2026-11-24T04:00:00.000Z' }),
    };
    expect(
      shiftState({ open: null, serverTime: readAt }, { pending: [], lastAnswer: laterIn }),
    ).toEqual({
      isIn: true,
      since: '2026-11-24T04:00:00.000Z',
      next: 'clockOut',
    });
  });

  it('lets the last tap still waiting to be sent decide, whatever the server last said', () => {
    const open = view({});
    const tappedOut = {
      pending: [waiting('clockOut', '2026-11-24T05:00:00.000Z')],
      lastAnswer: null,
    };
    expect(shiftState({ open, serverTime: readAt }, tappedOut)).toEqual({
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
