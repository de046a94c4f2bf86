import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from './types.js';

// Finished exports, kept in the database so that any API node can hand them to the admin who asked,
// whichever worker made them.
async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable(
    'report_files',
    {
      job_id: { type: DataTypes.STRING(64), primaryKey: true },
      owner_id: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: 'users', key: 'id' },
      },
      month: { type: DataTypes.STRING(7), allowNull: false },
      format: { type: DataTypes.ENUM('csv', 'xlsx'), allowNull: false },
      file_name: { type: DataTypes.STRING(120), allowNull: false },
      content_type: { type: DataTypes.STRING(120), allowNull: false },
      row_count: { type: DataTypes.INTEGER, allowNull: false },
      content: { type: DataTypes.BLOB('long'), allowNull: false },
      created_at: { type: DataTypes.DATE(3), allowNull: false },
    },
    { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
  );
  await qi.addIndex('report_files', ['owner_id', 'created_at'], { name: 'report_files_owner' });
}

async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('report_files');
}

export const reportFiles: Migration = { name: '0002-report-files', up, down };
