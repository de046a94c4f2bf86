import {
  DataTypes,
  Model,
  type CreationOptional,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** What an admin changed, why, and the values before and after (JSON). */
export class AuditLog extends Model<InferAttributes<AuditLog>, InferCreationAttributes<AuditLog>> {
  declare id: CreationOptional<number>;
  declare actorId: number;
  declare action: string;
  declare entityType: string;
  declare entityId: number;
  declare reason: string;
  declare before: string | null;
  declare after: string | null;
  declare createdAt: CreationOptional<Date>;
}

export function initAuditLog(sequelize: Sequelize) {
  AuditLog.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      actorId: { type: DataTypes.INTEGER, allowNull: false },
      action: { type: DataTypes.STRING(40), allowNull: false },
      entityType: { type: DataTypes.STRING(40), allowNull: false },
      entityId: { type: DataTypes.INTEGER, allowNull: false },
      reason: { type: DataTypes.STRING(500), allowNull: false },
      before: { type: DataTypes.TEXT, allowNull: true },
      after: { type: DataTypes.TEXT, allowNull: true },
      createdAt: DataTypes.DATE(3),
    },
    { sequelize, tableName: 'audit_log', underscored: true, updatedAt: false },
  );
}
