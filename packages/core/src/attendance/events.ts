import type { Attendance, User } from '@absensi/db';
import { newEventId, type AppEvent, type AttendanceUpdated } from '@absensi/events';
import { attendanceSnapshot } from './views.js';

/** The event that tells the dashboards about a shift opened (created) or changed (updated). */
export function attendanceEvent(
  type: 'AttendanceCreated' | 'AttendanceUpdated',
  row: Attendance,
  user: Pick<User, 'id' | 'name' | 'department'>,
  nodeId: string,
  change: AttendanceUpdated['data']['change'] = 'clock_out',
): AppEvent {
  const envelope = { id: newEventId(), occurredAt: new Date().toISOString(), nodeId };
  const snapshot = attendanceSnapshot(row, user);
  return type === 'AttendanceCreated'
    ? { ...envelope, type, data: snapshot }
    : { ...envelope, type, data: { ...snapshot, change } };
}
