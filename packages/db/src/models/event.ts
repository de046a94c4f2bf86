import {
  DataTypes,
  Model,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** The outbox: every event is written in the transaction of the change it describes; `sentAt` marks it appended to the feed. */
export class EventRow extends Model<InferAttributes<EventRow>, InferCreationAttributes<EventRow>> {
  declare id: string;
  declare type: string;
  declare payload: string;
  declare userId: number | null;
  declare nodeId: string;
  declare createdAt: Date;
  declare sentAt: Date | null;
}

export function initEventRow(sequelize: Sequelize) {
  EventRow.init(
    {
      id: { type: DataTypes.STRING(26), primaryKey: true },
      type: { type: DataTypes.STRING(40), allowNull: false },
      payload: { type: DataTypes.TEXT, allowNull: false },
      userId: { type: DataTypes.INTEGER, allowNull: true },
      nodeId: { type: DataTypes.STRING(64), allowNull: false },
      createdAt: { type: DataTypes.DATE(3), allowNull: false },
      sentAt: { type: DataTypes.DATE(3), allowNull: true },
    },
    { sequelize, tableName: 'events', underscored: true, timestamps: false },
  );
}
