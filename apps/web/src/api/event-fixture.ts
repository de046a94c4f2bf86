import type { LiveEvent } from './types';

type Snapshot = Extract<LiveEvent, { type: 'AttendanceCreated' }>['data'];
type Change = Extract<LiveEvent, { type: 'AttendanceUpdated' }>['data']['change'];

/**
 * For tests: Rina's record 9, a clock-in at 19:44 on 23 November in Jakarta, 704 minutes late; its
 * events written at 08:00 the next morning (a tap kept offline overnight) unless `envelope` says.
 */
export const snapshot: Snapshot = {
  attendanceId: 9,
  userId: 3,
  userName: 'Rina',
  department: null,
  workDate: '2026-11-23',
  status: 'late',
  lateMinutes: 704,
  clockInAt: '2026-11-23T12:44:00.000Z',
  clockInNode: 'api-2',
  clockOutAt: null,
  clockOutNode: null,
  clockOutKind: null,
};

export const envelope = {
  id: '01KAVZ0000000000000000000A',
  occurredAt: '2026-11-24T01:00:00.000Z',
  nodeId: 'api-2',
};

export const createdEvent = (
  data: Partial<Snapshot> = {},
  around: Partial<typeof envelope> = {},
): LiveEvent => ({
  ...envelope,
  ...around,
  type: 'AttendanceCreated',
  data: { ...snapshot, ...data },
});

/** The record closed at 23:30 that night by a tap, unless `data` says otherwise, then `change`d. */
export const updatedEvent = (change: Change, data: Partial<Snapshot> = {}): LiveEvent => ({
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
