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
  /** The overtime rule set that weighs overtime hours (see OVERTIME_RULE_SETS in core). */
  declare overtimeRules: CreationOptional<string>;
  /** 'five_day' or 'six_day': which of the rest-day bands of the rule set apply. */
  declare workWeek: CreationOptional<string>;
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
      overtimeRules: { type: DataTypes.STRING(20), allowNull: false, defaultValue: 'PP_35_2021' },
      workWeek: { type: DataTypes.STRING(8), allowNull: false, defaultValue: 'five_day' },
      updatedBy: { type: DataTypes.INTEGER, allowNull: true },
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'settings', underscored: true, createdAt: false },
  );
}
