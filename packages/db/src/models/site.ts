import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/**
 * What a site does with the position of a tap: nothing (`off`), record it and flag a tap outside
 * the geofence (`flag`), or refuse a tap outside it or without a position (`require`).
 */
export const GEOFENCE_POLICIES = ['off', 'flag', 'require'] as const;
export type GeofencePolicy = (typeof GEOFENCE_POLICIES)[number];

/** Where a tap stood against its site's geofence; `unknown` without a position or a site. */
export const GEOFENCE_VERDICTS = ['inside', 'outside', 'unknown'] as const;
export type GeofenceVerdict = (typeof GEOFENCE_VERDICTS)[number];

/**
 * A place people work at: its centre (`lat`, `lng`, degrees WGS-84), the radius of its geofence
 * (`radiusM`, metres), its IANA time zone, its geofence policy, and the largest phone accuracy
 * (`maxAccuracyM`, metres) that may widen the geofence. Deactivated, never deleted: shifts and
 * holidays keep pointing at it.
 */
export class Site extends Model<InferAttributes<Site>, InferCreationAttributes<Site>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare lat: number;
  declare lng: number;
  declare radiusM: number;
  declare timeZone: string;
  declare geofencePolicy: GeofencePolicy;
  declare maxAccuracyM: CreationOptional<number>;
  declare active: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** An employee's assignment to a site; at most one of an employee's sites is primary. */
export class UserSite extends Model<InferAttributes<UserSite>, InferCreationAttributes<UserSite>> {
  declare userId: number;
  declare siteId: number;
  declare isPrimary: boolean;
}

export function initSite(sequelize: Sequelize) {
  Site.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      name: { type: DataTypes.STRING(120), allowNull: false },
      lat: { type: DataTypes.DOUBLE, allowNull: false },
      lng: { type: DataTypes.DOUBLE, allowNull: false },
      radiusM: { type: DataTypes.INTEGER, allowNull: false },
      timeZone: { type: DataTypes.STRING(64), allowNull: false },
      geofencePolicy: {
        type: DataTypes.ENUM(...GEOFENCE_POLICIES),
        allowNull: false,
        defaultValue: 'off',
      },
      maxAccuracyM: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 100 },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      createdAt: DataTypes.DATE(3),
      updatedAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'sites', underscored: true },
  );
  UserSite.init(
    {
      userId: { type: DataTypes.INTEGER, primaryKey: true },
      siteId: { type: DataTypes.INTEGER, primaryKey: true },
      isPrimary: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    },
    { sequelize, tableName: 'user_sites', underscored: true, timestamps: false },
  );
}
