import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from './types.js';

/**
 * The share of a date a daily status spends on approved leave (1, ½ or 0): a half-day leave on a
 * day otherwise not worked counts half leave and half absence in the recap, and a half-day leave on
 * a day worked counts its half too. Existing rows are recomputed by their next reader.
 */
async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('daily_statuses', 'leave_days', {
    type: DataTypes.DECIMAL(2, 1),
    allowNull: false,
    defaultValue: 0,
  });
  await qi.sequelize.query("UPDATE daily_statuses SET leave_days = 1 WHERE status = 'leave'");
}

async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('daily_statuses', 'leave_days');
}

export const statusLeaveShare: Migration = { name: '0009-status-leave-share', up, down };
