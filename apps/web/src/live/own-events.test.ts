import { describe, expect, it } from 'vitest';
import { createdEvent, envelope, updatedEvent } from '../api/event-fixture';
import { attendanceView } from '../api/view-fixture';
import { isReflected, noticeOf } from './own-events';

// Record 9 as the screen last read it: clocked in at 19:44, 704 minutes late, still open.
const open = attendanceView({
  id: 9,
  workDate: '2026-11-23',
  status: 'late',
  lateMinutes: 704,
  clockInAt: '2026-11-23T12:44:00.000Z',
});
const day = { records: [open], open };

describe("the employee's own events", () => {
  it('need no new reading when the screen already shows what they say', () => {
    expect(isReflected(createdEvent(), day)).toBe(true);
    expect(isReflected(createdEvent(), { records: [], open })).toBe(true);
    const closed = {
      ...open,
      clockOutAt: '2026-11-23T16:30:00.000Z',
      clockOutKind: 'manual' as const,
    };
    expect(isReflected(updatedEvent('clock_out'), { records: [closed], open: null })).toBe(true);
  });

  it('are news when the screen shows the record otherwise, or not at all', () => {
    expect(isReflected(updatedEvent('auto_clock_out', { clockOutKind: 'auto' }), day)).toBe(false);
    expect(
      isReflected(updatedEvent('correction', { status: 'on_time', lateMinutes: 0 }), day),
    ).toBe(false);
    expect(isReflected(createdEvent({ attendanceId: 10 }), day)).toBe(false);
    expect(isReflected(createdEvent(), null)).toBe(false);
  });

  it('tell the person what others did to their records, and nothing of their own taps', () => {
    expect(noticeOf(createdEvent())).toBeNull();
    expect(noticeOf(updatedEvent('clock_out'))).toBeNull();
    expect(noticeOf(updatedEvent('auto_clock_out', { clockOutKind: 'auto' }))).toEqual({
      kind: 'auto',
      at: '2026-11-23T16:30:00.000Z',
    });
    expect(noticeOf(updatedEvent('deactivation', { clockOutKind: 'deactivation' }))).toEqual({
      kind: 'deactivation',
      at: '2026-11-23T16:30:00.000Z',
    });
    expect(noticeOf(updatedEvent('correction'))).toEqual({
      kind: 'corrected',
      workDate: '2026-11-23',
    });
    const added = createdEvent({ clockOutAt: envelope.occurredAt, clockOutKind: 'correction' });
    expect(noticeOf(added)).toEqual({ kind: 'added', workDate: '2026-11-23' });
  });
});
