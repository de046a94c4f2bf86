import {
  DataTypes,
  Model,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** A login session, stored in the database when there is no Redis. */
export class SessionRow extends Model<
  InferAttributes<SessionRow>,
  InferCreationAttributes<SessionRow>
> {
  declare id: string;
  declare data: string;
  declare expiresAt: Date;
}

export function initSessionRow(sequelize: Sequelize) {
  SessionRow.init(
    {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      data: { type: DataTypes.TEXT, allowNull: false },
      expiresAt: { type: DataTypes.DATE(3), allowNull: false },
    },
    { sequelize, tableName: 'sessions', underscored: true, timestamps: false },
  );
}
