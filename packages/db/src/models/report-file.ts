import {
  DataTypes,
  Model,
  type InferAttributes,
  type InferCreationAttributes,
  type Sequelize,
} from 'sequelize';

/** A finished export, downloadable by the admin who started it. */
export class ReportFile extends Model<
  InferAttributes<ReportFile>,
  InferCreationAttributes<ReportFile>
> {
  declare jobId: string;
  declare ownerId: number;
  declare month: string;
  declare format: 'csv' | 'xlsx';
  declare fileName: string;
  declare contentType: string;
  declare rowCount: number;
  declare content: Buffer;
  declare createdAt: Date;
}

export function initReportFile(sequelize: Sequelize) {
  ReportFile.init(
    {
      jobId: { type: DataTypes.STRING(64), primaryKey: true },
      ownerId: { type: DataTypes.INTEGER, allowNull: false },
      month: { type: DataTypes.STRING(7), allowNull: false },
      format: { type: DataTypes.ENUM('csv', 'xlsx'), allowNull: false },
      fileName: { type: DataTypes.STRING(120), allowNull: false },
      contentType: { type: DataTypes.STRING(120), allowNull: false },
      rowCount: { type: DataTypes.INTEGER, allowNull: false },
      content: { type: DataTypes.BLOB('long'), allowNull: false },
      createdAt: { type: DataTypes.DATE(3), allowNull: false },
    },
    { sequelize, tableName: 'report_files', underscored: true, timestamps: false },
  );
}
