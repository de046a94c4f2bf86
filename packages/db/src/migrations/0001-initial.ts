import { DataTypes, Op, col, type QueryInterface } from 'sequelize';
import type { Migration } from './types.js';

const timestamp = (allowNull = false) => ({ type: DataTypes.DATE(3), allowNull });
// A fresh object per column: Sequelize writes the column name into the definition it is given.
const coordinate = () => ({ type: DataTypes.DOUBLE, allowNull: true });
const tableOptions = { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' };

async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable(
    'users',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      name: { type: DataTypes.STRING(120), allowNull: false },
      email: { type: DataTypes.STRING(191), allowNull: false },
      password_hash: { type: DataTypes.STRING(255), allowNull: false },
      role: {
        type: DataTypes.ENUM('employee', 'admin'),
        allowNull: false,
        defaultValue: 'employee',
      },
      department: { type: DataTypes.STRING(120), allowNull: true },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      created_at: timestamp(),
      updated_at: timestamp(),
    },
    tableOptions,
  );
  await qi.addIndex('users', ['email'], { unique: true, name: 'users_email_unique' });
  await qi.addIndex('users', ['active', 'name'], { name: 'users_active_name' });
  await qi.addIndex('users', ['department'], { name: 'users_department' });

  await qi.createTable(
    'attendance',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      user_id: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: 'users', key: 'id' },
        // No cascading actions: MySQL refuses a CHECK on a column that a foreign key may rewrite.
        onDelete: 'RESTRICT',
        onUpdate: 'RESTRICT',
      },
      work_date: { type: DataTypes.DATEONLY, allowNull: false },
      status: { type: DataTypes.ENUM('on_time', 'late'), allowNull: false },
      late_minutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      clock_in_at: timestamp(),
      clock_in_client_at: timestamp(true),
      clock_in_node: { type: DataTypes.STRING(64), allowNull: false },
      clock_in_source: { type: DataTypes.ENUM('online', 'offline'), allowNull: false },
      clock_in_lat: coordinate(),
      clock_in_lng: coordinate(),
      clock_in_accuracy: coordinate(),
      clock_in_note: { type: DataTypes.STRING(500), allowNull: true },
      clock_out_at: timestamp(true),
      clock_out_client_at: timestamp(true),
      clock_out_node: { type: DataTypes.STRING(64), allowNull: true },
      clock_out_source: { type: DataTypes.ENUM('online', 'offline'), allowNull: true },
      clock_out_kind: { type: DataTypes.ENUM('manual', 'auto', 'correction'), allowNull: true },
      clock_out_lat: coordinate(),
      clock_out_lng: coordinate(),
      clock_out_accuracy: coordinate(),
      clock_out_note: { type: DataTypes.STRING(500), allowNull: true },
      open_user_id: { type: DataTypes.INTEGER, allowNull: true },
      created_at: timestamp(),
      updated_at: timestamp(),
    },
    tableOptions,
  );
  // At most one open shift per employee, enforced by the database: open_user_id is the user while
  // the shift is open (unique index below), NULL once it is closed (NULLs do not collide), and the
  // CHECK keeps the two columns from disagreeing.
  await qi.addConstraint('attendance', {
    type: 'check',
    name: 'attendance_open_matches_clock_out',
    fields: ['open_user_id'],
    where: {
      [Op.or]: [
        // IS NOT NULL too: a comparison with NULL is unknown, and a CHECK lets unknown pass.
        { clock_out_at: null, open_user_id: { [Op.ne]: null, [Op.eq]: col('user_id') } },
        { clock_out_at: { [Op.ne]: null }, open_user_id: null },
      ],
    },
  });
  // After the CHECK: SQLite adds a constraint by rebuilding the table, which drops its indexes.
  await qi.addIndex('attendance', ['open_user_id'], {
    unique: true,
    name: 'attendance_one_open_shift',
  });
  await qi.addIndex('attendance', ['user_id', 'clock_in_at'], { name: 'attendance_user_clock_in' });
  await qi.addIndex('attendance', ['work_date', 'status'], { name: 'attendance_work_date_status' });
  await qi.addIndex('attendance', ['clock_in_at'], { name: 'attendance_clock_in_at' });

  await qi.createTable(
    'attendance_actions',
    {
      idempotency_key: { type: DataTypes.STRING(64), primaryKey: true },
      user_id: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: 'users', key: 'id' },
      },
      kind: { type: DataTypes.ENUM('clock_in', 'clock_out'), allowNull: false },
      attendance_id: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: 'attendance', key: 'id' },
      },
      created_at: timestamp(),
    },
    tableOptions,
  );

  await qi.createTable(
    'events',
    {
      id: { type: DataTypes.STRING(26), primaryKey: true },
      type: { type: DataTypes.STRING(40), allowNull: false },
      payload: { type: DataTypes.TEXT, allowNull: false },
      user_id: { type: DataTypes.INTEGER, allowNull: true },
      node_id: { type: DataTypes.STRING(64), allowNull: false },
      created_at: timestamp(),
      sent_at: timestamp(true),
    },
    tableOptions,
  );
  await qi.addIndex('events', ['sent_at', 'id'], { name: 'events_unsent' });

  await qi.createTable(
    'settings',
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      time_zone: { type: DataTypes.STRING(64), allowNull: false },
      shift_start: { type: DataTypes.STRING(5), allowNull: false },
      grace_minutes: { type: DataTypes.INTEGER, allowNull: false },
      auto_clock_out_hour: { type: DataTypes.INTEGER, allowNull: false },
      updated_by: { type: DataTypes.INTEGER, allowNull: true },
      updated_at: timestamp(),
    },
    tableOptions,
  );

  // Sessions when there is no Redis (the embedded mode): survive a restart of `npm start`.
  await qi.createTable(
    'sessions',
    {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      data: { type: DataTypes.TEXT, allowNull: false },
      expires_at: timestamp(),
    },
    tableOptions,
  );
  await qi.addIndex('sessions', ['expires_at'], { name: 'sessions_expires_at' });

  await qi.createTable(
    'audit_log',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      actor_id: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: 'users', key: 'id' },
      },
      action: { type: DataTypes.STRING(40), allowNull: false },
      entity_type: { type: DataTypes.STRING(40), allowNull: false },
      entity_id: { type: DataTypes.INTEGER, allowNull: false },
      reason: { type: DataTypes.STRING(500), allowNull: false },
      before: { type: DataTypes.TEXT, allowNull: true },
      after: { type: DataTypes.TEXT, allowNull: true },
      created_at: timestamp(),
    },
    tableOptions,
  );
  await qi.addIndex('audit_log', ['entity_type', 'entity_id'], { name: 'audit_log_entity' });
}

async function down({ context: qi }: { context: QueryInterface }) {
  for (const table of [
    'audit_log',
    'sessions',
    'settings',
    'events',
    'attendance_actions',
    'attendance',
    'users',
  ]) {
    await qi.dropTable(table);
  }
}

export const initial: Migration = { name: '0001-initial', up, down };
