import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

export const ACTION_KINDS = ['clock_in', 'clock_out'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** One employee tap, keyed by the idempotency key the client made for it: a replay finds the first result. */
export class AttendanceAction extends Model<
  InferAttributes<AttendanceAction>,
  InferCreationAttributes<AttendanceAction>
> {
  declare idempotencyKey: string;
  declare userId: number;
  declare kind: ActionKind;
  declare attendanceId: number;
  declare createdAt: CreationOptional<Date>;
}

export function initAttendanceAction(sequelize: Sequelize) {
  AttendanceAction.init(
    {
      idempotencyKey: { type: DataTypes.STRING(64), primaryKey: true },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.ENUM(...ACTION_KINDS), allowNull: false },
      attendanceId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'attendance_actions', underscored: true, updatedAt: false },
  );
}
