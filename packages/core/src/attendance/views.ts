import type { Attendance, User } from '@absensi/db';
import type { AttendanceSnapshot } from '@absensi/events';
import { workedMinutes } from './rules/index.js';

export interface LocationView {
  lat: number;
  lng: number;
  accuracy: number | null;
}

/** An attendance record as clients see it: instants as ISO strings in UTC. */
export interface AttendanceView {
  id: number;
  userId: number;
  workDate: string;
  status: 'on_time' | 'late';
  lateMinutes: number;
  clockInAt: string;
  clockInClientAt: string | null;
  clockInNode: string;
  clockInSource: 'online' | 'offline';
  clockInLocation: LocationView | null;
  clockInNote: string | null;
  clockOutAt: string | null;
  clockOutClientAt: string | null;
  clockOutNode: string | null;
  clockOutSource: 'online' | 'offline' | null;
  clockOutKind: 'manual' | 'auto' | 'correction' | null;
  clockOutLocation: LocationView | null;
  clockOutNote: string | null;
  workedMinutes: number | null;
}

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
const location = (
  lat: number | null,
  lng: number | null,
  accuracy: number | null,
): LocationView | null => (lat === null || lng === null ? null : { lat, lng, accuracy });

export function attendanceView(row: Attendance): AttendanceView {
  return {
    id: row.id,
    userId: row.userId,
    workDate: row.workDate,
    status: row.status,
    lateMinutes: row.lateMinutes,
    clockInAt: iso(row.clockInAt)!,
    clockInClientAt: iso(row.clockInClientAt),
    clockInNode: row.clockInNode,
    clockInSource: row.clockInSource,
    clockInLocation: location(row.clockInLat, row.clockInLng, row.clockInAccuracy),
    clockInNote: row.clockInNote,
    clockOutAt: iso(row.clockOutAt),
    clockOutClientAt: iso(row.clockOutClientAt),
    clockOutNode: row.clockOutNode,
    clockOutSource: row.clockOutSource,
    clockOutKind: row.clockOutKind,
    clockOutLocation: location(row.clockOutLat, row.clockOutLng, row.clockOutAccuracy),
    clockOutNote: row.clockOutNote,
    workedMinutes: row.clockOutAt
      ? workedMinutes(
          tapTime(row.clockInAt, row.clockInClientAt, row.clockInSource),
          tapTime(row.clockOutAt, row.clockOutClientAt, row.clockOutSource),
        )
      : null,
  };
}

/** When the person actually tapped: the phone's time for a tap kept offline, else the server's. */
export function tapTime(
  serverAt: Date,
  clientAt: Date | null,
  source: 'online' | 'offline' | null,
): Date {
  return new Date(source === 'offline' && clientAt ? clientAt : serverAt);
}

export function attendanceSnapshot(
  row: Attendance,
  user: Pick<User, 'id' | 'name' | 'department'>,
): AttendanceSnapshot {
  return {
    attendanceId: row.id,
    userId: user.id,
    userName: user.name,
    department: user.department,
    workDate: row.workDate,
    status: row.status,
    lateMinutes: row.lateMinutes,
    clockInAt: iso(row.clockInAt)!,
    clockInNode: row.clockInNode,
    clockOutAt: iso(row.clockOutAt),
    clockOutNode: row.clockOutNode,
    clockOutKind: row.clockOutKind,
  };
}
