import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/**
 * A kind of shift: its local start and end ("HH:MM"; an end at or before the start crosses
 * midnight), how many minutes late or early still count as on time, the unpaid break, and how
 * long after its end a shift left open is closed automatically.
 */
export class ShiftType extends Model<
  InferAttributes<ShiftType>,
  InferCreationAttributes<ShiftType>
> {
  declare id: CreationOptional<number>;
  declare name: string;
  /** A short code for the roster grid, e.g. "P" for pagi. */
  declare code: string;
  declare startTime: string;
  declare endTime: string;
  declare lateGraceMinutes: number;
  declare earlyLeaveGraceMinutes: number;
  declare breakMinutes: number;
  declare autoClockOutAfterMinutes: number;
  /** Overtime shorter than this counts as none (minutes). */
  declare overtimeMinimumMinutes: CreationOptional<number>;
  /** Counted overtime is rounded down to a multiple of this (minutes). */
  declare overtimeRoundingMinutes: CreationOptional<number>;
  /** "#RRGGBB". */
  declare color: string;
  declare active: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export const SCHEDULE_KINDS = ['weekly', 'rotating'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/**
 * A pattern of days: weekly (7 days, day 0 = Monday) or rotating (a cycle of `cycleDays` days
 * counted from `anchorDate`, which is day 0).
 */
export class Schedule extends Model<InferAttributes<Schedule>, InferCreationAttributes<Schedule>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare kind: ScheduleKind;
  declare cycleDays: number;
  declare anchorDate: string | null;
  declare active: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** One day of a schedule's pattern: a shift type, or off (null). */
export class ScheduleDay extends Model<
  InferAttributes<ScheduleDay>,
  InferCreationAttributes<ScheduleDay>
> {
  declare scheduleId: number;
  declare dayIndex: number;
  declare shiftTypeId: number | null;
}

/**
 * Who follows a schedule, from a date (and optionally to a date): one employee, a department, or
 * (both null) everyone.
 */
export class ScheduleAssignment extends Model<
  InferAttributes<ScheduleAssignment>,
  InferCreationAttributes<ScheduleAssignment>
> {
  declare id: CreationOptional<number>;
  declare scheduleId: number;
  declare userId: number | null;
  declare department: string | null;
  declare validFrom: string;
  declare validTo: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** One employee's plan for one date, over whatever their schedule says: a shift type, or off (null). */
export class RosterOverride extends Model<
  InferAttributes<RosterOverride>,
  InferCreationAttributes<RosterOverride>
> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare date: string;
  declare shiftTypeId: number | null;
  declare note: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** Whom a manager looks after: a department, a site, or both (each row one scope). */
export class ManagerScope extends Model<
  InferAttributes<ManagerScope>,
  InferCreationAttributes<ManagerScope>
> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare department: string | null;
  declare siteId: number | null;
  declare createdAt: CreationOptional<Date>;
}

export function initSchedules(sequelize: Sequelize) {
  const options = (tableName: string) => ({ sequelize, tableName, underscored: true });
  ShiftType.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      name: { type: DataTypes.STRING(60), allowNull: false },
      code: { type: DataTypes.STRING(8), allowNull: false },
      startTime: { type: DataTypes.STRING(5), allowNull: false },
      endTime: { type: DataTypes.STRING(5), allowNull: false },
      lateGraceMinutes: { type: DataTypes.INTEGER, allowNull: false },
      earlyLeaveGraceMinutes: { type: DataTypes.INTEGER, allowNull: false },
      breakMinutes: { type: DataTypes.INTEGER, allowNull: false },
      autoClockOutAfterMinutes: { type: DataTypes.INTEGER, allowNull: false },
      overtimeMinimumMinutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 30 },
      overtimeRoundingMinutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 15 },
      color: { type: DataTypes.STRING(7), allowNull: false },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    options('shift_types'),
  );
  Schedule.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      name: { type: DataTypes.STRING(80), allowNull: false },
      kind: { type: DataTypes.ENUM(...SCHEDULE_KINDS), allowNull: false },
      cycleDays: { type: DataTypes.INTEGER, allowNull: false },
      anchorDate: { type: DataTypes.DATEONLY, allowNull: true },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    options('schedules'),
  );
  ScheduleDay.init(
    {
      scheduleId: { type: DataTypes.INTEGER, primaryKey: true },
      dayIndex: { type: DataTypes.INTEGER, primaryKey: true },
      shiftTypeId: { type: DataTypes.INTEGER, allowNull: true },
    },
    { ...options('schedule_days'), timestamps: false },
  );
  ScheduleAssignment.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      scheduleId: { type: DataTypes.INTEGER, allowNull: false },
      userId: { type: DataTypes.INTEGER, allowNull: true },
      department: { type: DataTypes.STRING(120), allowNull: true },
      validFrom: { type: DataTypes.DATEONLY, allowNull: false },
      validTo: { type: DataTypes.DATEONLY, allowNull: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    options('schedule_assignments'),
  );
  RosterOverride.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      date: { type: DataTypes.DATEONLY, allowNull: false },
      shiftTypeId: { type: DataTypes.INTEGER, allowNull: true },
      note: { type: DataTypes.STRING(200), allowNull: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    options('roster_overrides'),
  );
  ManagerScope.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      department: { type: DataTypes.STRING(120), allowNull: true },
      siteId: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE(3),
    },
    { ...options('manager_scopes'), updatedAt: false },
  );
}
