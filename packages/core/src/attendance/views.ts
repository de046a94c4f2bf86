import type {
  Attendance,
  AttendanceStatus,
  ClockOutKind,
  GeofenceVerdict,
  ShiftOrigin,
  Source,
  User,
} from '@absensi/db';
import type { AttendanceSnapshot } from '@absensi/events';
import { workedMinutes } from './rules/index.js';

export interface LocationView {
  /** Degrees. */
  lat: number;
  lng: number;
  /** Metres, as the phone reported it. */
  accuracy: number | null;
}

/** An attendance record as clients see it: instants as ISO strings in UTC. */
export interface AttendanceView {
  id: number;
  userId: number;
  workDate: string;
  /** unscheduled: on an off day, a holiday, or with no schedule. */
  status: AttendanceStatus;
  lateMinutes: number;
  /** Minutes left before the scheduled end beyond its grace (0: not early, or still open). */
  earlyLeaveMinutes: number;
  /** The scheduled shift the clock-in belongs to: its type, start and end; null when unscheduled. */
  shiftTypeId: number | null;
  scheduledStart: string | null;
  scheduledEnd: string | null;
  /** When the shift, if left open, is closed automatically. */
  autoClockOutAt: string | null;
  /** The effective time of the clock-in tap (see the tap-time rule): what every screen shows. */
  clockInAt: string;
  /** The server's clock when the clock-in arrived. */
  clockInReceivedAt: string;
  /** The phone's clock at the tap, and when it sent it, as the phone told them. */
  clockInClientAt: string | null;
  clockInClientSentAt: string | null;
  clockInNode: string;
  clockInSource: Source;
  clockInLocation: LocationView | null;
  clockInNote: string | null;
  clockOutAt: string | null;
  clockOutReceivedAt: string | null;
  clockOutClientAt: string | null;
  clockOutClientSentAt: string | null;
  clockOutNode: string | null;
  clockOutSource: Source | null;
  clockOutKind: ClockOutKind | null;
  clockOutLocation: LocationView | null;
  clockOutNote: string | null;
  /** The site the shift counts for, and how far from it (metres) and whether inside each tap was. */
  siteId: number | null;
  clockInDistanceM: number | null;
  clockInGeofence: GeofenceVerdict | null;
  clockOutDistanceM: number | null;
  clockOutGeofence: GeofenceVerdict | null;
  /** `admin` for a shift an admin added. */
  origin: ShiftOrigin;
  /** Changed by an admin after it was recorded. */
  corrected: boolean;
  /** clockOutAt − clockInAt, in whole minutes; null while open. */
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
    earlyLeaveMinutes: row.earlyLeaveMinutes ?? 0,
    shiftTypeId: row.shiftTypeId ?? null,
    scheduledStart: iso(row.scheduledStart ?? null),
    scheduledEnd: iso(row.scheduledEnd ?? null),
    autoClockOutAt: iso(row.autoClockOutAt ?? null),
    clockInAt: iso(row.clockInAt)!,
    clockInReceivedAt: iso(row.clockInReceivedAt ?? row.clockInAt)!,
    clockInClientAt: iso(row.clockInClientAt),
    clockInClientSentAt: iso(row.clockInClientSentAt),
    clockInNode: row.clockInNode,
    clockInSource: row.clockInSource,
    clockInLocation: location(row.clockInLat, row.clockInLng, row.clockInAccuracy),
    clockInNote: row.clockInNote,
    clockOutAt: iso(row.clockOutAt),
    clockOutReceivedAt: iso(row.clockOutReceivedAt),
    clockOutClientAt: iso(row.clockOutClientAt),
    clockOutClientSentAt: iso(row.clockOutClientSentAt),
    clockOutNode: row.clockOutNode,
    clockOutSource: row.clockOutSource,
    clockOutKind: row.clockOutKind,
    clockOutLocation: location(row.clockOutLat, row.clockOutLng, row.clockOutAccuracy),
    clockOutNote: row.clockOutNote,
    siteId: row.siteId ?? null,
    clockInDistanceM: row.clockInDistanceM ?? null,
    clockInGeofence: row.clockInGeofence ?? null,
    clockOutDistanceM: row.clockOutDistanceM ?? null,
    clockOutGeofence: row.clockOutGeofence ?? null,
    origin: row.origin,
    corrected: Boolean(row.corrected),
    workedMinutes: row.clockOutAt
      ? workedMinutes(new Date(row.clockInAt), new Date(row.clockOutAt))
      : null,
  };
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
    origin: row.origin ?? 'tap',
    corrected: Boolean(row.corrected),
    siteId: row.siteId ?? null,
    clockInGeofence: row.clockInGeofence ?? null,
    clockInDistanceM: row.clockInDistanceM ?? null,
  };
}
