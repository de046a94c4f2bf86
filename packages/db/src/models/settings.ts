import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** The company's attendance settings: a single row with id 1. */
export class SettingsRow extends Model<
  InferAttributes<SettingsRow>,
  InferCreationAttributes<SettingsRow>
> {
  declare id: number;
  declare timeZone: string;
  /** Local shift start, "HH:MM". */
  /** Superseded by shift types (migration 0006-schedules); kept for the first shift type it seeded. */
  declare shiftStart: string;
  declare graceMinutes: number;
  /** Local hour (0-23) at which a shift still open is closed automatically. */
  declare autoClockOutHour: number;
  declare updatedBy: number | null;
  declare updatedAt: CreationOptional<Date>;
}

export function initSettingsRow(sequelize: Sequelize) {
  SettingsRow.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      timeZone: { type: DataTypes.STRING(64), allowNull: false },
      shiftStart: { type: DataTypes.STRING(5), allowNull: false },
      graceMinutes: { type: DataTypes.INTEGER, allowNull: false },
      autoClockOutHour: { type: DataTypes.INTEGER, allowNull: false },
      updatedBy: { type: DataTypes.INTEGER, allowNull: true },
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'settings', underscored: true, createdAt: false },
  );
}
