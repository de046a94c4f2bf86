import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** A national holiday, a collective leave day (*cuti bersama*), or a day the company gives. */
export const HOLIDAY_KINDS = ['national', 'collective_leave', 'company'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];
/** Typed in by an admin, or confirmed from the proposed national calendar. */
export const HOLIDAY_SOURCES = ['manual', 'proposed'] as const;
export type HolidaySource = (typeof HOLIDAY_SOURCES)[number];

/**
 * A day off in the company calendar: `date` ("YYYY-MM-DD", a calendar day wherever it is kept),
 * for one site (`siteId`) or for every site (`siteId` null). `siteScope` is `siteId` or 0 and is
 * written by the repository: the unique index on (date, siteScope) allows one holiday per date per
 * site and one company-wide.
 */
export class Holiday extends Model<InferAttributes<Holiday>, InferCreationAttributes<Holiday>> {
  declare id: CreationOptional<number>;
  declare date: string;
  declare name: string;
  declare kind: HolidayKind;
  declare siteId: number | null;
  declare siteScope: number;
  declare source: CreationOptional<HolidaySource>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initHoliday(sequelize: Sequelize) {
  Holiday.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      date: { type: DataTypes.DATEONLY, allowNull: false },
      name: { type: DataTypes.STRING(200), allowNull: false },
      kind: { type: DataTypes.ENUM(...HOLIDAY_KINDS), allowNull: false },
      siteId: { type: DataTypes.INTEGER, allowNull: true },
      siteScope: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      source: {
        type: DataTypes.ENUM(...HOLIDAY_SOURCES),
        allowNull: false,
        defaultValue: 'manual',
      },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'holidays', underscored: true },
  );
}
