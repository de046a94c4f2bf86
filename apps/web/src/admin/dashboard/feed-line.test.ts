import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../api/types';
import { feedLine } from './feed-line';

type Snapshot = Extract<LiveEvent, { type: 'AttendanceCreated' }>['data'];
const zone = 'Asia/Jakarta';
const snapshot: Snapshot = {
  attendanceId: 9,
  userId: 3,
  userName: 'Rina',
  department: null,
  workDate: '2026-11-23',
  status: 'late',
  lateMinutes: 704,
  // 19:44 on the 23rd in Jakarta.
  clockInAt: '2026-11-23T12:44:00.000Z',
  clockInNode: 'api-2',
  clockOutAt: null,
  clockOutNode: null,
  clockOutKind: null,
};
// Synced the next morning, 08:00 on the 24th in Jakarta.
const envelope = {
  id: '01KAVZ0000000000000000000A',
  occurredAt: '2026-11-24T01:00:00.000Z',
  nodeId: 'api-2',
};
const created = (data: Partial<Snapshot> = {}): LiveEvent => ({
  ...envelope,
  type: 'AttendanceCreated',
  data: { ...snapshot, ...data },
});
const updated = (
  change: 'clock_out' | 'auto_clock_out' | 'correction' | 'deactivation',
  data: Partial<Snapshot> = {},
): LiveEvent => ({
  ...envelope,
  type: 'AttendanceUpdated',
  data: {
    ...snapshot,
    clockOutAt: '2026-11-23T16:30:00.000Z',
    clockOutKind: 'manual',
    ...data,
    change,
  },
});

describe('a line of the live feed', () => {
  it("shows an offline clock-in at the tap's own time and day, not when it was synced", () => {
    expect(feedLine(created(), zone)).toEqual({
      text: 'eventIn',
      at: '2026-11-23T12:44:00.000Z',
      day: '2026-11-23',
      workDate: '2026-11-23',
      showLate: true,
    });
    expect(feedLine(created({ status: 'on_time', lateMinutes: 0 }), zone).showLate).toBe(false);
  });

  it("shows a clock-out at the clock-out's time, on its own day after midnight", () => {
    expect(feedLine(updated('clock_out'), zone)).toMatchObject({
      text: 'eventOut',
      at: '2026-11-23T16:30:00.000Z',
      day: '2026-11-23',
    });
    const night = updated('clock_out', { clockOutAt: '2026-11-23T18:30:00.000Z' });
    expect(feedLine(night, zone)).toMatchObject({ day: '2026-11-24', workDate: '2026-11-23' });
    expect(feedLine(updated('auto_clock_out', { clockOutKind: 'auto' }), zone).text).toBe(
      'eventAuto',
    );
    expect(feedLine(updated('deactivation', { clockOutKind: 'deactivation' }), zone)).toMatchObject(
      { text: 'eventDeactivation', at: '2026-11-23T16:30:00.000Z', showLate: false },
    );
  });

  it("shows an admin's correction or added shift when it was made, naming the record's date", () => {
    expect(feedLine(updated('correction', { clockOutKind: 'correction' }), zone)).toEqual({
      text: 'eventCorrection',
      at: envelope.occurredAt,
      day: '2026-11-24',
      workDate: '2026-11-23',
      showLate: false,
    });
    const added = created({ clockOutAt: '2026-11-23T16:00:00.000Z', clockOutKind: 'correction' });
    expect(feedLine(added, zone)).toMatchObject({
      text: 'eventAdded',
      at: envelope.occurredAt,
      workDate: '2026-11-23',
      showLate: false,
    });
  });
});
