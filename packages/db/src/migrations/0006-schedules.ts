import { DataTypes, QueryTypes, type QueryInterface } from 'sequelize';
import type { Migration } from './types.js';

const timestamp = (allowNull = false) => ({ type: DataTypes.DATE(3), allowNull });
const tableOptions = { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' };
const userRef = () => ({
  type: DataTypes.INTEGER,
  allowNull: false,
  references: { model: 'users', key: 'id' },
});
const shiftTypeRef = (allowNull: boolean) => ({
  type: DataTypes.INTEGER,
  allowNull,
  references: { model: 'shift_types', key: 'id' },
});

/**
 * Who should be where, when: shift types, weekly or rotating schedules assigned to everyone, a
 * department or an employee, per-day roster overrides, and managers' scopes. Each shift records
 * the scheduled shift it belongs to and when it is due for auto clock-out. The company's single
 * shift start, grace and auto clock-out hour become the first shift type, on a schedule of every
 * day for everyone, so that what was computed before is computed the same way after.
 */
async function up({ context: qi }: { context: QueryInterface }) {
  const mysql = qi.sequelize.getDialect() === 'mysql';
  await qi.createTable(
    'shift_types',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      name: { type: DataTypes.STRING(60), allowNull: false },
      code: { type: DataTypes.STRING(8), allowNull: false },
      start_time: { type: DataTypes.STRING(5), allowNull: false },
      end_time: { type: DataTypes.STRING(5), allowNull: false },
      late_grace_minutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      early_leave_grace_minutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      break_minutes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      auto_clock_out_after_minutes: { type: DataTypes.INTEGER, allowNull: false },
      color: { type: DataTypes.STRING(7), allowNull: false },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      created_at: timestamp(),
      updated_at: timestamp(),
    },
    tableOptions,
  );
  await qi.createTable(
    'schedules',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      name: { type: DataTypes.STRING(80), allowNull: false },
      kind: { type: DataTypes.ENUM('weekly', 'rotating'), allowNull: false },
      cycle_days: { type: DataTypes.INTEGER, allowNull: false },
      anchor_date: { type: DataTypes.DATEONLY, allowNull: true },
      active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      created_at: timestamp(),
      updated_at: timestamp(),
    },
    tableOptions,
  );
  await qi.createTable(
    'schedule_days',
    {
      schedule_id: {
        type: DataTypes.INTEGER,
        allowNull: false,
        primaryKey: true,
        references: { model: 'schedules', key: 'id' },
      },
      day_index: { type: DataTypes.INTEGER, allowNull: false, primaryKey: true },
      shift_type_id: shiftTypeRef(true),
    },
    tableOptions,
  );
  await qi.createTable(
    'schedule_assignments',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      schedule_id: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: 'schedules', key: 'id' },
      },
      user_id: { ...userRef(), allowNull: true },
      department: { type: DataTypes.STRING(120), allowNull: true },
      valid_from: { type: DataTypes.DATEONLY, allowNull: false },
      valid_to: { type: DataTypes.DATEONLY, allowNull: true },
      created_at: timestamp(),
      updated_at: timestamp(),
    },
    tableOptions,
  );
  await qi.addIndex('schedule_assignments', ['user_id'], { name: 'schedule_assignments_user' });
  await qi.addIndex('schedule_assignments', ['department'], {
    name: 'schedule_assignments_department',
  });
  await qi.createTable(
    'roster_overrides',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      user_id: userRef(),
      date: { type: DataTypes.DATEONLY, allowNull: false },
      shift_type_id: shiftTypeRef(true),
      note: { type: DataTypes.STRING(200), allowNull: true },
      created_at: timestamp(),
      updated_at: timestamp(),
    },
    tableOptions,
  );
  await qi.addIndex('roster_overrides', ['user_id', 'date'], {
    unique: true,
    name: 'roster_overrides_user_date',
  });
  await qi.addIndex('roster_overrides', ['date'], { name: 'roster_overrides_date' });
  await qi.createTable(
    'manager_scopes',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      user_id: userRef(),
      department: { type: DataTypes.STRING(120), allowNull: true },
      site_id: { type: DataTypes.INTEGER, allowNull: true },
      created_at: timestamp(),
    },
    tableOptions,
  );
  await qi.addIndex('manager_scopes', ['user_id'], { name: 'manager_scopes_user' });

  await qi.addColumn('attendance', 'shift_type_id', { type: DataTypes.INTEGER, allowNull: true });
  await qi.addColumn('attendance', 'scheduled_start', timestamp(true));
  await qi.addColumn('attendance', 'scheduled_end', timestamp(true));
  await qi.addColumn('attendance', 'early_leave_minutes', {
    type: DataTypes.INTEGER,
    allowNull: false,
    defaultValue: 0,
  });
  await qi.addColumn('attendance', 'auto_clock_out_at', timestamp(true));
  await qi.addIndex('attendance', ['open_user_id', 'auto_clock_out_at'], {
    name: 'attendance_open_due',
  });
  if (mysql) {
    await qi.changeColumn('users', 'role', {
      type: DataTypes.ENUM('employee', 'manager', 'admin'),
      allowNull: false,
      defaultValue: 'employee',
    });
    await qi.changeColumn('attendance', 'status', {
      type: DataTypes.ENUM('on_time', 'late', 'unscheduled'),
      allowNull: false,
    });
  }

  // The company's settings become the first shift type: the start and grace as they were, an end
  // nine hours later (eight of work and an unpaid hour of break), and the auto clock-out at the
  // configured hour after it.
  const [settings] = await qi.sequelize.query<{
    shift_start: string;
    grace_minutes: number;
    auto_clock_out_hour: number;
  }>('SELECT shift_start, grace_minutes, auto_clock_out_hour FROM settings WHERE id = 1', {
    type: QueryTypes.SELECT,
  });
  const start = settings?.shift_start ?? '08:00';
  const [hours, minutes] = start.split(':').map(Number) as [number, number];
  const startMinutes = hours * 60 + minutes;
  const endMinutes = (startMinutes + 9 * 60) % (24 * 60);
  const end = `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;
  const autoMinutes = (settings?.auto_clock_out_hour ?? 23) * 60;
  const afterEnd = (autoMinutes - endMinutes + 24 * 60) % (24 * 60) || 24 * 60;
  const now = new Date();
  await qi.bulkInsert('shift_types', [
    {
      name: 'Reguler',
      code: 'R',
      start_time: start,
      end_time: end,
      late_grace_minutes: settings?.grace_minutes ?? 15,
      early_leave_grace_minutes: 0,
      break_minutes: 60,
      auto_clock_out_after_minutes: afterEnd,
      color: '#2f6fdd',
      active: true,
      created_at: now,
      updated_at: now,
    },
  ]);
  const [shiftType] = await qi.sequelize.query<{ id: number }>(
    'SELECT id FROM shift_types ORDER BY id LIMIT 1',
    { type: QueryTypes.SELECT },
  );
  await qi.bulkInsert('schedules', [
    {
      name: 'Setiap hari / Every day',
      kind: 'weekly',
      cycle_days: 7,
      anchor_date: null,
      active: true,
      created_at: now,
      updated_at: now,
    },
  ]);
  const [schedule] = await qi.sequelize.query<{ id: number }>(
    'SELECT id FROM schedules ORDER BY id LIMIT 1',
    { type: QueryTypes.SELECT },
  );
  await qi.bulkInsert(
    'schedule_days',
    Array.from({ length: 7 }, (_, day) => ({
      schedule_id: schedule!.id,
      day_index: day,
      shift_type_id: shiftType!.id,
    })),
  );
  await qi.bulkInsert('schedule_assignments', [
    {
      schedule_id: schedule!.id,
      user_id: null,
      department: null,
      valid_from: '2000-01-01',
      valid_to: null,
      created_at: now,
      updated_at: now,
    },
  ]);
}

async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeIndex('attendance', 'attendance_open_due');
  for (const column of [
    'shift_type_id',
    'scheduled_start',
    'scheduled_end',
    'early_leave_minutes',
    'auto_clock_out_at',
  ])
    await qi.removeColumn('attendance', column);
  for (const table of [
    'manager_scopes',
    'roster_overrides',
    'schedule_assignments',
    'schedule_days',
    'schedules',
    'shift_types',
  ])
    await qi.dropTable(table);
}

export const schedules: Migration = { name: '0006-schedules', up, down };
