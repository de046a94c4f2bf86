import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export const ATTENDANCE_STATUSES = ['on_time', 'late'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const SOURCES = ['online', 'offline'] as const;
export type Source = (typeof SOURCES)[number];
/** How a shift was closed: by the employee, by the worker at the auto clock-out hour, or by an admin. */
export const CLOCK_OUT_KINDS = ['manual', 'auto', 'correction'] as const;
export type ClockOutKind = (typeof CLOCK_OUT_KINDS)[number];

/**
 * One shift. `openUserId` equals `userId` while the shift is open and is NULL once closed; a unique
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
  declare clockInClientAt: Date | null;
  declare clockInNode: string;
  declare clockInSource: Source;
  declare clockInLat: number | null;
  declare clockInLng: number | null;
  declare clockInAccuracy: number | null;
  declare clockInNote: string | null;
  declare clockOutAt: Date | null;
  declare clockOutClientAt: Date | null;
  declare clockOutNode: string | null;
  declare clockOutSource: Source | null;
  declare clockOutKind: ClockOutKind | null;
  declare clockOutLat: number | null;
  declare clockOutLng: number | null;
  declare clockOutAccuracy: number | null;
  declare clockOutNote: string | null;
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
      clockInClientAt: { type: DataTypes.DATE(3), allowNull: true },
      clockInNode: { type: DataTypes.STRING(64), allowNull: false },
      clockInSource: { type: DataTypes.ENUM(...SOURCES), allowNull: false },
      clockInLat: coordinate(),
      clockInLng: coordinate(),
      clockInAccuracy: coordinate(),
      clockInNote: { type: DataTypes.STRING(500), allowNull: true },
      clockOutAt: { type: DataTypes.DATE(3), allowNull: true },
      clockOutClientAt: { type: DataTypes.DATE(3), allowNull: true },
      clockOutNode: { type: DataTypes.STRING(64), allowNull: true },
      clockOutSource: { type: DataTypes.ENUM(...SOURCES), allowNull: true },
      clockOutKind: { type: DataTypes.ENUM(...CLOCK_OUT_KINDS), allowNull: true },
      clockOutLat: coordinate(),
      clockOutLng: coordinate(),
      clockOutAccuracy: coordinate(),
      clockOutNote: { type: DataTypes.STRING(500), allowNull: true },
      openUserId: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'attendance', underscored: true },
  );
}
