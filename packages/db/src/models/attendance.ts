import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';
import { GEOFENCE_VERDICTS, type GeofenceVerdict } from './site.js';

/** unscheduled: a clock-in on an off day, a holiday, or with no schedule that applies. */
export const ATTENDANCE_STATUSES = ['on_time', 'late', 'unscheduled'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const SOURCES = ['online', 'offline'] as const;
export type Source = (typeof SOURCES)[number];
/**
 * How a shift was closed: by the employee, by the worker at the auto clock-out hour, by an admin,
 * or because its employee was deactivated.
 */
export const CLOCK_OUT_KINDS = ['manual', 'auto', 'correction', 'deactivation'] as const;
export type ClockOutKind = (typeof CLOCK_OUT_KINDS)[number];
/** Who recorded a shift: its employee's taps, or an admin adding a missing one. */
export const SHIFT_ORIGINS = ['tap', 'admin'] as const;
export type ShiftOrigin = (typeof SHIFT_ORIGINS)[number];

/**
 * One shift. `clockInAt` and `clockOutAt` are the effective times of the taps (see the tap-time
 * rule in @absensi/core): what every rule, screen and export reads. Beside them: the server's
 * clock when each tap arrived (`*ReceivedAt`), and the phone's clock at the tap (`*ClientAt`) and
 * when it sent it (`*ClientSentAt`). `openUserId` equals `userId` while the shift is open and is NULL once closed; a unique
 * index on it and a CHECK tying it to `clockOutAt` make the database refuse a second open shift.
 */
export class Attendance extends Model<
  InferAttributes<Attendance>,
  InferCreationAttributes<Attendance>
> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare workDate: string;
  declare status: AttendanceStatus;
  declare lateMinutes: number;
  declare clockInAt: Date;
  declare clockInReceivedAt: Date;
  declare clockInClientAt: Date | null;
  declare clockInClientSentAt: Date | null;
  declare clockInNode: string;
  declare clockInSource: Source;
  declare clockInLat: number | null;
  declare clockInLng: number | null;
  declare clockInAccuracy: number | null;
  declare clockInNote: string | null;
  /**
   * The site the shift was recorded at (null: none, or recorded before sites existed), and for each
   * tap its distance from that site's centre (metres) and where it stood against its geofence.
   */
  declare siteId: CreationOptional<number | null>;
  declare clockInDistanceM: CreationOptional<number | null>;
  declare clockInGeofence: CreationOptional<GeofenceVerdict | null>;
  declare clockOutAt: Date | null;
  declare clockOutReceivedAt: Date | null;
  declare clockOutClientAt: Date | null;
  declare clockOutClientSentAt: Date | null;
  declare clockOutNode: string | null;
  declare clockOutSource: Source | null;
  declare clockOutKind: ClockOutKind | null;
  declare clockOutLat: number | null;
  declare clockOutLng: number | null;
  declare clockOutAccuracy: number | null;
  declare clockOutNote: string | null;
  /** The scheduled shift the clock-in belongs to (null: unscheduled), its start and end. */
  declare shiftTypeId: number | null;
  declare scheduledStart: Date | null;
  declare scheduledEnd: Date | null;
  /** Minutes left before the scheduled end, beyond its grace (0 when not early). */
  declare earlyLeaveMinutes: CreationOptional<number>;
  /** When a shift left open is closed automatically (null on rows from before schedules). */
  declare autoClockOutAt: Date | null;
  declare clockOutDistanceM: CreationOptional<number | null>;
  declare clockOutGeofence: CreationOptional<GeofenceVerdict | null>;
  declare origin: CreationOptional<ShiftOrigin>;
  /** Changed by an admin after it was recorded. */
  declare corrected: CreationOptional<boolean>;
  declare openUserId: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initAttendance(sequelize: Sequelize) {
  // A fresh object per column: Sequelize writes the column name into the definition it is given.
  const coordinate = () => ({ type: DataTypes.DOUBLE, allowNull: true });
  Attendance.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      workDate: { type: DataTypes.DATEONLY, allowNull: false },
      status: { type: DataTypes.ENUM(...ATTENDANCE_STATUSES), allowNull: false },
      lateMinutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      clockInAt: { type: DataTypes.DATE(3), allowNull: false },
      clockInReceivedAt: { type: DataTypes.DATE(3), allowNull: false },
      clockInClientAt: { type: DataTypes.DATE(3), allowNull: true },
      clockInClientSentAt: { type: DataTypes.DATE(3), allowNull: true },
      clockInNode: { type: DataTypes.STRING(64), allowNull: false },
      clockInSource: { type: DataTypes.ENUM(...SOURCES), allowNull: false },
      clockInLat: coordinate(),
      clockInLng: coordinate(),
      clockInAccuracy: coordinate(),
      clockInNote: { type: DataTypes.STRING(500), allowNull: true },
      siteId: { type: DataTypes.INTEGER, allowNull: true },
      clockInDistanceM: { type: DataTypes.DOUBLE, allowNull: true },
      clockInGeofence: { type: DataTypes.ENUM(...GEOFENCE_VERDICTS), allowNull: true },
      clockOutAt: { type: DataTypes.DATE(3), allowNull: true },
      clockOutReceivedAt: { type: DataTypes.DATE(3), allowNull: true },
      clockOutClientAt: { type: DataTypes.DATE(3), allowNull: true },
      clockOutClientSentAt: { type: DataTypes.DATE(3), allowNull: true },
      clockOutNode: { type: DataTypes.STRING(64), allowNull: true },
      clockOutSource: { type: DataTypes.ENUM(...SOURCES), allowNull: true },
      clockOutKind: { type: DataTypes.ENUM(...CLOCK_OUT_KINDS), allowNull: true },
      clockOutLat: coordinate(),
      clockOutLng: coordinate(),
      clockOutAccuracy: coordinate(),
      clockOutNote: { type: DataTypes.STRING(500), allowNull: true },
      shiftTypeId: { type: DataTypes.INTEGER, allowNull: true },
      scheduledStart: { type: DataTypes.DATE(3), allowNull: true },
      scheduledEnd: { type: DataTypes.DATE(3), allowNull: true },
      earlyLeaveMinutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      autoClockOutAt: { type: DataTypes.DATE(3), allowNull: true },
      clockOutDistanceM: { type: DataTypes.DOUBLE, allowNull: true },
      clockOutGeofence: { type: DataTypes.ENUM(...GEOFENCE_VERDICTS), allowNull: true },
      origin: { type: DataTypes.ENUM(...SHIFT_ORIGINS), allowNull: false, defaultValue: 'tap' },
      corrected: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      openUserId: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'attendance', underscored: true },
  );
}
