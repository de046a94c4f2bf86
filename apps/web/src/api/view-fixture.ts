import type { AttendanceView } from './types';

/** For tests: an on-time shift clocked in online at 08:00 in Jakarta, still open, with `changes`. */
export const attendanceView = (changes: Partial<AttendanceView> = {}): AttendanceView => ({
  id: 1,
  userId: 7,
  workDate: '2026-11-24',
  status: 'on_time',
  lateMinutes: 0,
  clockInAt: '2026-11-24T01:00:00.000Z',
  clockInClientAt: null,
  clockInNode: 'api-1',
  clockInSource: 'online',
  clockInLocation: null,
  clockInNote: null,
  clockOutAt: null,
  clockOutClientAt: null,
  clockOutNode: null,
  clockOutSource: null,
  clockOutKind: null,
  clockOutLocation: null,
  clockOutNote: null,
  workedMinutes: null,
  ...changes,
});
