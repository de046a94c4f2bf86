import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export const LEAVE_CATEGORY_VALUES = [
  'annual',
  'sick',
  'permit',
  'business_travel',
  'other',
] as const;
export type LeaveCategoryValue = (typeof LEAVE_CATEGORY_VALUES)[number];
export const ATTACHMENT_POLICIES = ['none', 'optional', 'required'] as const;
export type AttachmentPolicy = (typeof ATTACHMENT_POLICIES)[number];

/**
 * A kind of absence an employee may ask for: annual leave (*cuti*) with a yearly allowance in
 * working days, sick leave (*sakit*) with an optional doctor's note, a permit (*izin*), business
 * travel (*dinas*), or a type the company adds.
 */
export class LeaveType extends Model<
  InferAttributes<LeaveType>,
  InferCreationAttributes<LeaveType>
> {
  declare id: CreationOptional<number>;
  declare code: string;
  declare name: string;
  declare category: LeaveCategoryValue;
  /** Working days a year; null: not counted against an allowance. */
  declare yearlyAllowanceDays: number | null;
  declare attachment: AttachmentPolicy;
  declare active: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export const REQUEST_KINDS = ['leave', 'correction', 'overtime'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_STATES = ['pending', 'approved', 'declined', 'cancelled'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const DAY_PARTS = ['full', 'first_half', 'second_half'] as const;
export type DayPart = (typeof DAY_PARTS)[number];

/**
 * What an employee asks for and its decision: leave for dates [startDate, endDate] (or half of
 * one date), a correction of a missing or wrong punch on `startDate`, or overtime on `startDate`
 * (`orderedBy` set when a manager ordered it).
 */
export class LeaveRequest extends Model<
  InferAttributes<LeaveRequest>,
  InferCreationAttributes<LeaveRequest>
> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare kind: RequestKind;
  declare state: RequestState;
  declare leaveTypeId: number | null;
  declare startDate: string;
  declare endDate: string;
  declare part: DayPart;
  /** Working days the leave takes from the allowance (0.5 for half a day). */
  declare leaveDays: number | string;
  declare reason: string;
  /** The record a correction changes; null: a shift to add. */
  declare attendanceId: number | null;
  declare clockInAt: Date | null;
  declare clockOutAt: Date | null;
  declare overtimeMinutes: number | null;
  declare orderedBy: number | null;
  /** The phone's key for the request, so a request queued offline is filed once. */
  declare clientKey: string | null;
  declare decidedBy: number | null;
  declare decidedAt: Date | null;
  declare decisionNote: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A small image kept with a request (a doctor's note). */
export class RequestAttachment extends Model<
  InferAttributes<RequestAttachment>,
  InferCreationAttributes<RequestAttachment>
> {
  declare id: CreationOptional<number>;
  declare requestId: number;
  declare contentType: string;
  declare sizeBytes: number;
  declare data: Buffer;
  declare createdAt: CreationOptional<Date>;
}

/** One person's status on one work date, as the recap counts it. */
export class DailyStatusRow extends Model<
  InferAttributes<DailyStatusRow>,
  InferCreationAttributes<DailyStatusRow>
> {
  declare userId: number;
  declare workDate: string;
  declare status: string;
  declare code: string;
  declare plan: string;
  declare shiftTypeId: number | null;
  declare leaveTypeId: number | null;
  /** The share of the date on approved leave: 1, 0.5 or 0. */
  declare leaveDays: number | string;
  declare lateMinutes: number;
  declare earlyLeaveMinutes: number;
  declare workedMinutes: number;
  declare overtimeMinutes: number;
  declare overtimeWeightedHours: number | string;
  declare overDailyLimit: boolean;
  declare overWeeklyLimit: boolean;
  declare computedAt: Date;
}

/** Something that happened to a person, for them to read in the app. */
export class NotificationRow extends Model<
  InferAttributes<NotificationRow>,
  InferCreationAttributes<NotificationRow>
> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare kind: string;
  /** JSON of what the notification says. */
  declare data: string;
  declare readAt: Date | null;
  declare createdAt: CreationOptional<Date>;
}

const options = (tableName: string) => ({ tableName, underscored: true });

export function initAbsences(sequelize: Sequelize) {
  LeaveType.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      code: { type: DataTypes.STRING(12), allowNull: false, unique: true },
      name: { type: DataTypes.STRING(80), allowNull: false },
      category: { type: DataTypes.ENUM(...LEAVE_CATEGORY_VALUES), allowNull: false },
      yearlyAllowanceDays: { type: DataTypes.INTEGER, allowNull: true },
      attachment: { type: DataTypes.ENUM(...ATTACHMENT_POLICIES), allowNull: false },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, ...options('leave_types') },
  );
  LeaveRequest.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.ENUM(...REQUEST_KINDS), allowNull: false },
      state: { type: DataTypes.ENUM(...REQUEST_STATES), allowNull: false },
      leaveTypeId: { type: DataTypes.INTEGER, allowNull: true },
      startDate: { type: DataTypes.DATEONLY, allowNull: false },
      endDate: { type: DataTypes.DATEONLY, allowNull: false },
      part: { type: DataTypes.ENUM(...DAY_PARTS), allowNull: false },
      leaveDays: { type: DataTypes.DECIMAL(5, 1), allowNull: false },
      reason: { type: DataTypes.STRING(500), allowNull: false },
      attendanceId: { type: DataTypes.INTEGER, allowNull: true },
      clockInAt: { type: DataTypes.DATE(3), allowNull: true },
      clockOutAt: { type: DataTypes.DATE(3), allowNull: true },
      overtimeMinutes: { type: DataTypes.INTEGER, allowNull: true },
      orderedBy: { type: DataTypes.INTEGER, allowNull: true },
      clientKey: { type: DataTypes.STRING(64), allowNull: true },
      decidedBy: { type: DataTypes.INTEGER, allowNull: true },
      decidedAt: { type: DataTypes.DATE(3), allowNull: true },
      decisionNote: { type: DataTypes.STRING(500), allowNull: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, ...options('requests') },
  );
  RequestAttachment.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      requestId: { type: DataTypes.INTEGER, allowNull: false },
      contentType: { type: DataTypes.STRING(40), allowNull: false },
      sizeBytes: { type: DataTypes.INTEGER, allowNull: false },
      data: { type: DataTypes.BLOB, allowNull: false },
      createdAt: DataTypes.DATE(3),
    },
    { sequelize, ...options('request_attachments'), updatedAt: false },
  );
  DailyStatusRow.init(
    {
      userId: { type: DataTypes.INTEGER, primaryKey: true },
      workDate: { type: DataTypes.DATEONLY, primaryKey: true },
      status: { type: DataTypes.STRING(20), allowNull: false },
      code: { type: DataTypes.STRING(3), allowNull: false },
      plan: { type: DataTypes.STRING(12), allowNull: false },
      shiftTypeId: { type: DataTypes.INTEGER, allowNull: true },
      leaveTypeId: { type: DataTypes.INTEGER, allowNull: true },
      leaveDays: { type: DataTypes.DECIMAL(2, 1), allowNull: false },
      lateMinutes: { type: DataTypes.INTEGER, allowNull: false },
      earlyLeaveMinutes: { type: DataTypes.INTEGER, allowNull: false },
      workedMinutes: { type: DataTypes.INTEGER, allowNull: false },
      overtimeMinutes: { type: DataTypes.INTEGER, allowNull: false },
      overtimeWeightedHours: { type: DataTypes.DECIMAL(7, 3), allowNull: false },
      overDailyLimit: { type: DataTypes.BOOLEAN, allowNull: false },
      overWeeklyLimit: { type: DataTypes.BOOLEAN, allowNull: false },
      computedAt: { type: DataTypes.DATE(3), allowNull: false },
    },
    { sequelize, ...options('daily_statuses'), timestamps: false },
  );
  NotificationRow.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.STRING(40), allowNull: false },
      data: { type: DataTypes.TEXT, allowNull: false },
      readAt: { type: DataTypes.DATE(3), allowNull: true },
      createdAt: DataTypes.DATE(3),
    },
    { sequelize, ...options('notifications'), updatedAt: false },
  );
}
