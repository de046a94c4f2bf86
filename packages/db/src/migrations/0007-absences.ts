import { DataTypes, type QueryInterface } from 'sequelize';
import type { Migration } from './types.js';

const timestamp = (allowNull = false) => ({ type: DataTypes.DATE(3), allowNull });
const tableOptions = { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' };
const userRef = (allowNull = false) => ({
  type: DataTypes.INTEGER,
  allowNull,
  references: { model: 'users', key: 'id' },
});

/**
 * Absences and the month's answer: leave types (with the four every Indonesian company has),
 * requests with their approval (leave, a missing or wrong punch, overtime) and small attachments,
 * the daily status of each person, notifications, the company's overtime rule set and work week,
 * and each shift type's overtime threshold and rounding.
 */
async function up({ context: qi }: { context: QueryInterface }) {
  const mysql = qi.sequelize.getDialect() === 'mysql';
  await qi.createTable(
    'leave_types',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      code: { type: DataTypes.STRING(12), allowNull: false, unique: true },
      name: { type: DataTypes.STRING(80), allowNull: false },
      category: {
        type: DataTypes.ENUM('annual', 'sick', 'permit', 'business_travel', 'other'),
        allowNull: false,
      },
      yearly_allowance_days: { type: DataTypes.INTEGER, allowNull: true },
      attachment: {
        type: DataTypes.ENUM('none', 'optional', 'required'),
        allowNull: false,
        defaultValue: 'none',
      },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      created_at: timestamp(),
      updated_at: timestamp(),
    },
    tableOptions,
  );
  await qi.createTable(
    'requests',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      user_id: userRef(),
      kind: { type: DataTypes.ENUM('leave', 'correction', 'overtime'), allowNull: false },
      state: {
        type: DataTypes.ENUM('pending', 'approved', 'declined', 'cancelled'),
        allowNull: false,
      },
      leave_type_id: {
        type: DataTypes.INTEGER,
        allowNull: true,
        references: { model: 'leave_types', key: 'id' },
      },
      start_date: { type: DataTypes.DATEONLY, allowNull: false },
      end_date: { type: DataTypes.DATEONLY, allowNull: false },
      part: {
        type: DataTypes.ENUM('full', 'first_half', 'second_half'),
        allowNull: false,
        defaultValue: 'full',
      },
      leave_days: { type: DataTypes.DECIMAL(5, 1), allowNull: false, defaultValue: 0 },
      reason: { type: DataTypes.STRING(500), allowNull: false },
      attendance_id: { type: DataTypes.INTEGER, allowNull: true },
      clock_in_at: timestamp(true),
      clock_out_at: timestamp(true),
      overtime_minutes: { type: DataTypes.INTEGER, allowNull: true },
      ordered_by: userRef(true),
      client_key: { type: DataTypes.STRING(64), allowNull: true },
      decided_by: userRef(true),
      decided_at: timestamp(true),
      decision_note: { type: DataTypes.STRING(500), allowNull: true },
      created_at: timestamp(),
      updated_at: timestamp(),
    },
    tableOptions,
  );
  await qi.addIndex('requests', ['user_id', 'start_date'], { name: 'requests_user_start' });
  await qi.addIndex('requests', ['state', 'id'], { name: 'requests_state' });
  await qi.addIndex('requests', ['user_id', 'client_key'], {
    unique: true,
    name: 'requests_user_client_key',
  });
  await qi.createTable(
    'request_attachments',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      request_id: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: 'requests', key: 'id' },
      },
      content_type: { type: DataTypes.STRING(40), allowNull: false },
      size_bytes: { type: DataTypes.INTEGER, allowNull: false },
      data: { type: mysql ? DataTypes.BLOB('medium') : DataTypes.BLOB, allowNull: false },
      created_at: timestamp(),
    },
    tableOptions,
  );
  await qi.addIndex('request_attachments', ['request_id'], { name: 'request_attachments_request' });
  await qi.createTable(
    'daily_statuses',
    {
      user_id: { ...userRef(), primaryKey: true },
      work_date: { type: DataTypes.DATEONLY, allowNull: false, primaryKey: true },
      status: { type: DataTypes.STRING(20), allowNull: false },
      code: { type: DataTypes.STRING(3), allowNull: false },
      plan: { type: DataTypes.STRING(12), allowNull: false },
      shift_type_id: { type: DataTypes.INTEGER, allowNull: true },
      leave_type_id: { type: DataTypes.INTEGER, allowNull: true },
      late_minutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      early_leave_minutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      worked_minutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      overtime_minutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      overtime_weighted_hours: { type: DataTypes.DECIMAL(7, 3), allowNull: false, defaultValue: 0 },
      over_daily_limit: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      over_weekly_limit: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      computed_at: timestamp(),
    },
    tableOptions,
  );
  await qi.addIndex('daily_statuses', ['work_date'], { name: 'daily_statuses_date' });
  await qi.createTable(
    'notifications',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      user_id: userRef(),
      kind: { type: DataTypes.STRING(40), allowNull: false },
      data: { type: DataTypes.TEXT, allowNull: false },
      read_at: timestamp(true),
      created_at: timestamp(),
    },
    tableOptions,
  );
  await qi.addIndex('notifications', ['user_id', 'id'], { name: 'notifications_user' });

  // From when a person is expected at work: no absence is counted before it (null: always).
  await qi.addColumn('users', 'hired_on', { type: DataTypes.DATEONLY, allowNull: true });
  await qi.addColumn('settings', 'overtime_rules', {
    type: DataTypes.STRING(20),
    allowNull: false,
    defaultValue: 'PP_35_2021',
  });
  await qi.addColumn('settings', 'work_week', {
    type: DataTypes.STRING(8),
    allowNull: false,
    defaultValue: 'five_day',
  });
  await qi.addColumn('shift_types', 'overtime_minimum_minutes', {
    type: DataTypes.INTEGER,
    allowNull: false,
    defaultValue: 30,
  });
  await qi.addColumn('shift_types', 'overtime_rounding_minutes', {
    type: DataTypes.INTEGER,
    allowNull: false,
    defaultValue: 15,
  });

  const now = new Date();
  const leaveType = (
    code: string,
    name: string,
    category: string,
    allowance: number | null,
    attachment: string,
  ) => ({
    code,
    name,
    category,
    yearly_allowance_days: allowance,
    attachment,
    active: true,
    created_at: now,
    updated_at: now,
  });
  // The annual leave of UU 13/2003 art. 79 (12 working days after 12 months of service); sick
  // leave with a doctor's note where one is given; permits and business travel.
  await qi.bulkInsert('leave_types', [
    leaveType('CUTI', 'Cuti tahunan', 'annual', 12, 'none'),
    leaveType('SAKIT', 'Sakit', 'sick', null, 'optional'),
    leaveType('IZIN', 'Izin', 'permit', null, 'none'),
    leaveType('DINAS', 'Dinas luar', 'business_travel', null, 'none'),
  ]);
}

async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('shift_types', 'overtime_rounding_minutes');
  await qi.removeColumn('shift_types', 'overtime_minimum_minutes');
  await qi.removeColumn('settings', 'work_week');
  await qi.removeColumn('settings', 'overtime_rules');
  await qi.removeColumn('users', 'hired_on');
  for (const table of [
    'notifications',
    'daily_statuses',
    'request_attachments',
    'requests',
    'leave_types',
  ])
    await qi.dropTable(table);
}

export const absences: Migration = { name: '0007-absences', up, down };
